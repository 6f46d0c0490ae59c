/**
 * What the demo shop sells. Each category has its own brands, product kinds, price
 * range and description vocabulary, so that content similarity is meaningful: two
 * running shoes share far more words than a running shoe and a coffee.
 */

export interface CategorySpec {
  readonly slug: string;
  /** Relative share of the catalog. */
  readonly weight: number;
  readonly brands: readonly string[];
  /** Model lines, placed between brand and kind in names. Empty: none. */
  readonly series: readonly string[];
  /** Product kinds: the noun of the name ("Trail Running Shoe"). */
  readonly kinds: readonly string[];
  /** Name suffixes ("16GB", "500 g"). Empty: none. */
  readonly variants: readonly string[];
  readonly price: readonly [min: number, max: number];
  /** Phrases that follow "with" in descriptions. */
  readonly features: readonly string[];
  /** Phrases that follow "Ideal for" in descriptions. */
  readonly uses: readonly string[];
  readonly tags: readonly string[];
  /** Apparel and similar: the name carries a colour. */
  readonly colored?: boolean;
  /** Names come from faker's book titles rather than brand + kind. */
  readonly titled?: boolean;
}

export const DEMO_CATEGORIES: readonly CategorySpec[] = [
  { slug: 'laptops', weight: 5, brands: ['Lenovo', 'Dell', 'HP', 'Apple', 'Asus', 'Acer', 'Microsoft', 'Razer'], series: ['ThinkPad', 'XPS', 'Envy', 'MacBook', 'ZenBook', 'Swift', 'Surface', 'Blade', 'IdeaPad', 'Inspiron'],
    kinds: ['Laptop', 'Ultrabook', 'Gaming Laptop', '2-in-1 Laptop', 'Notebook'], variants: ['13-inch 8GB', '14-inch 16GB', '15-inch 16GB 512GB SSD', '16-inch 32GB 1TB SSD', '14-inch OLED'], price: [349, 3499],
    features: ['a backlit keyboard', 'an all-day battery', 'a fast SSD', 'a high-resolution display', 'Thunderbolt ports', 'a fingerprint reader', 'a discrete graphics card', 'a multi-core processor', 'Wi-Fi 6E'],
    uses: ['students', 'remote work', 'gaming', 'video editing', 'business travel', 'programming'], tags: ['computer', 'portable', 'windows', 'macos', 'ssd', 'oled'] },
  { slug: 'phones', weight: 5, brands: ['Samsung', 'Apple', 'Google', 'OnePlus', 'Xiaomi', 'Motorola', 'Nokia'], series: ['Galaxy', 'iPhone', 'Pixel', 'Nord', 'Redmi', 'Moto', 'Edge'],
    kinds: ['Smartphone', 'Phone', '5G Smartphone', 'Foldable Phone'], variants: ['128GB', '256GB', '512GB', 'Dual SIM 128GB', 'Unlocked 256GB'], price: [149, 1799],
    features: ['a triple camera', 'a 120 Hz display', 'fast wireless charging', '5G connectivity', 'an eSIM', 'an all-day battery', 'water resistance', 'face unlock'],
    uses: ['photography', 'everyday calls and messaging', 'mobile gaming', 'travel', 'streaming video'], tags: ['mobile', 'android', 'ios', '5g', 'unlocked', 'camera'] },
  { slug: 'tablets', weight: 3, brands: ['Apple', 'Samsung', 'Lenovo', 'Amazon', 'Microsoft', 'Xiaomi'], series: ['iPad', 'Galaxy Tab', 'Tab', 'Fire', 'Surface Go', 'Pad'],
    kinds: ['Tablet', 'Drawing Tablet', 'Kids Tablet', 'E-Reader Tablet'], variants: ['10-inch 64GB', '11-inch 128GB', '12.9-inch 256GB', '8-inch 32GB'], price: [89, 1499],
    features: ['stylus support', 'a detachable keyboard', 'a bright touchscreen', 'stereo speakers', 'long battery life', 'a lightweight aluminium body'],
    uses: ['reading and streaming', 'note taking', 'digital drawing', 'kids', 'travel'], tags: ['touchscreen', 'portable', 'stylus', 'android', 'ipados'] },
  { slug: 'headphones', weight: 4, brands: ['Sony', 'Bose', 'Sennheiser', 'JBL', 'Beats', 'Audio-Technica', 'Jabra', 'Anker'], series: ['WH', 'QuietComfort', 'Momentum', 'Tune', 'Studio', 'ATH', 'Elite', 'Soundcore'],
    kinds: ['Wireless Headphones', 'Noise Cancelling Headphones', 'Earbuds', 'Studio Headphones', 'Sports Earbuds', 'Gaming Headset'], variants: ['', 'Pro', 'II', 'Lite', 'Max'], price: [19, 549],
    features: ['active noise cancelling', 'deep bass', 'a 30-hour battery', 'Bluetooth 5.3', 'a built-in microphone', 'memory foam ear cushions', 'transparency mode', 'low-latency audio'],
    uses: ['commuting', 'music lovers', 'workouts', 'studio monitoring', 'calls in open offices', 'gaming'], tags: ['audio', 'wireless', 'bluetooth', 'anc', 'music'] },
  { slug: 'smartwatches', weight: 3, brands: ['Apple', 'Garmin', 'Samsung', 'Fitbit', 'Amazfit', 'Polar', 'Withings'], series: ['Watch', 'Forerunner', 'Galaxy Watch', 'Sense', 'GTR', 'Vantage', 'ScanWatch'],
    kinds: ['Smartwatch', 'GPS Watch', 'Fitness Tracker', 'Hybrid Smartwatch'], variants: ['41mm', '45mm', '47mm', 'Solar', 'LTE'], price: [49, 999],
    features: ['heart rate monitoring', 'built-in GPS', 'sleep tracking', 'blood oxygen sensing', 'a two-week battery', 'contactless payments', 'an always-on display'],
    uses: ['runners', 'fitness tracking', 'triathletes', 'health monitoring', 'everyday notifications'], tags: ['wearable', 'fitness', 'gps', 'health', 'watch'] },
  { slug: 'cameras', weight: 3, brands: ['Canon', 'Nikon', 'Sony', 'Fujifilm', 'Panasonic', 'GoPro', 'Olympus'], series: ['EOS', 'Z', 'Alpha', 'X-T', 'Lumix', 'Hero', 'OM'],
    kinds: ['Mirrorless Camera', 'DSLR Camera', 'Action Camera', 'Compact Camera', 'Instant Camera'], variants: ['Body Only', 'with 18-55mm Lens', 'Kit', '4K'], price: [79, 4499],
    features: ['a full-frame sensor', 'in-body image stabilisation', '4K video recording', 'fast autofocus', 'an interchangeable lens mount', 'weather sealing', 'a flip screen'],
    uses: ['landscape photography', 'vlogging', 'portraits', 'wildlife photography', 'travel photography'], tags: ['photography', 'lens', 'video', '4k', 'mirrorless'] },
  { slug: 'tvs', weight: 3, brands: ['LG', 'Samsung', 'Sony', 'TCL', 'Hisense', 'Philips', 'Panasonic'], series: ['OLED', 'QLED', 'Bravia', 'C-Series', 'U8', 'Ambilight', 'Viera'],
    kinds: ['Smart TV', '4K TV', 'OLED TV', 'QLED TV', '8K TV'], variants: ['43-inch', '50-inch', '55-inch', '65-inch', '75-inch'], price: [229, 4999],
    features: ['HDR10 and Dolby Vision', 'a 120 Hz panel', 'a built-in streaming platform', 'Dolby Atmos sound', 'voice control', 'low input lag for consoles', 'deep blacks'],
    uses: ['movie nights', 'sports', 'console gaming', 'living rooms', 'home cinema'], tags: ['television', 'hdr', '4k', 'smart-tv', 'home-cinema'] },
  { slug: 'gaming', weight: 3, brands: ['Sony', 'Nintendo', 'Microsoft', 'Logitech', 'Razer', 'SteelSeries', 'Corsair'], series: ['PlayStation', 'Switch', 'Xbox', 'G Pro', 'DeathAdder', 'Apex', 'K70'],
    kinds: ['Game Console', 'Wireless Controller', 'Gaming Mouse', 'Mechanical Keyboard', 'Gaming Chair', 'Racing Wheel'], variants: ['', 'Digital Edition', 'Bundle', 'RGB', 'Pro'], price: [29, 799],
    features: ['RGB lighting', 'programmable buttons', 'haptic feedback', 'a high-DPI sensor', 'hot-swappable switches', 'ray tracing support', 'low-latency wireless'],
    uses: ['competitive gaming', 'couch co-op', 'esports', 'streamers', 'family game nights'], tags: ['gaming', 'console', 'pc-gaming', 'esports', 'rgb'] },
  { slug: 'running-shoes', weight: 5, brands: ['Nike', 'Adidas', 'Asics', 'Brooks', 'Hoka', 'New Balance', 'Saucony', 'On'], series: ['Pegasus', 'Ultraboost', 'Gel-Kayano', 'Ghost', 'Clifton', 'Fresh Foam', 'Endorphin', 'Cloudmonster'],
    kinds: ['Running Shoe', 'Trail Running Shoe', 'Racing Flat', 'Stability Running Shoe', 'Cushioned Running Shoe'], variants: ['', '2', '3', 'GTX', 'Wide'], price: [59, 279], colored: true,
    features: ['a responsive foam midsole', 'a breathable mesh upper', 'a carbon plate', 'a grippy rubber outsole', 'extra heel cushioning', 'a reflective heel tab', 'a low heel-to-toe drop'],
    uses: ['marathon training', 'daily road runs', 'trail running', 'tempo workouts', 'overpronation support'], tags: ['running', 'shoes', 'sport', 'cushioned', 'trail'] },
  { slug: 'hiking-boots', weight: 2, brands: ['Salomon', 'Merrell', 'Lowa', 'Scarpa', 'Keen', 'Columbia', 'La Sportiva'], series: ['Quest', 'Moab', 'Renegade', 'Zodiac', 'Targhee', 'Newton Ridge', 'Ultra Raptor'],
    kinds: ['Hiking Boot', 'Waterproof Hiking Boot', 'Mountaineering Boot', 'Hiking Shoe'], variants: ['', 'Mid GTX', 'Low', 'Wide'], price: [79, 399], colored: true,
    features: ['a waterproof Gore-Tex membrane', 'a Vibram sole', 'ankle support', 'a protective toe cap', 'a full-grain leather upper', 'a shock-absorbing footbed'],
    uses: ['mountain hikes', 'backpacking trips', 'wet trails', 'alpine scrambles'], tags: ['hiking', 'boots', 'outdoor', 'waterproof', 'mountain'] },
  { slug: 'jackets', weight: 4, brands: ["Arc'teryx", 'The North Face', 'Patagonia', 'Columbia', 'Canada Goose', 'Uniqlo', 'Helly Hansen'], series: ['Beta', 'Nuptse', 'Torrentshell', 'Powder', 'Expedition', 'Ultra Light', 'Crew'],
    kinds: ['Down Jacket', 'Rain Jacket', 'Softshell Jacket', 'Parka', 'Fleece Jacket', 'Puffer Jacket'], variants: ["Men's", "Women's", 'Hooded', 'Packable'], price: [39, 1199], colored: true,
    features: ['water-repellent fabric', 'warm down insulation', 'a detachable hood', 'sealed seams', 'zippered hand pockets', 'a windproof shell', 'recycled materials'],
    uses: ['winter commutes', 'rainy days', 'ski trips', 'layering outdoors', 'cold city walks'], tags: ['outerwear', 'winter', 'waterproof', 'warm', 'clothing'] },
  { slug: 'jeans', weight: 3, brands: ["Levi's", 'Wrangler', 'Lee', 'Diesel', 'G-Star', 'Nudie', 'Pepe Jeans'], series: ['501', '511', 'Texas', 'Rider', 'D-Strukt', '3301', 'Lean Dean'],
    kinds: ['Jeans', 'Slim Fit Jeans', 'Straight Leg Jeans', 'Skinny Jeans', 'Relaxed Fit Jeans', 'Denim Shorts'], variants: ['W30 L32', 'W32 L32', 'W34 L34', 'W28 L30', 'W36 L32'], price: [29, 249], colored: true,
    features: ['stretch denim', 'organic cotton', 'a classic five-pocket design', 'a button fly', 'a mid-rise waist', 'a stone-washed finish', 'reinforced stitching'],
    uses: ['everyday wear', 'casual weekends', 'smart casual offices', 'summer days'], tags: ['denim', 'trousers', 'cotton', 'casual', 'clothing'] },
  { slug: 't-shirts', weight: 3, brands: ['Uniqlo', 'H&M', 'Champion', 'Carhartt', 'Nike', 'Tommy Hilfiger', 'Ralph Lauren'], series: ['Essentials', 'Supima', 'Heritage', 'Pocket', 'Dri-FIT', 'Classic', 'Organic'],
    kinds: ['T-Shirt', 'Crew Neck Tee', 'V-Neck T-Shirt', 'Polo Shirt', 'Long Sleeve Tee', 'Graphic Tee'], variants: ['S', 'M', 'L', 'XL', '3-Pack'], price: [9, 99], colored: true,
    features: ['soft combed cotton', 'a relaxed fit', 'a ribbed collar', 'moisture-wicking fabric', 'a printed graphic', 'pre-shrunk jersey'],
    uses: ['everyday wear', 'the gym', 'layering', 'summer holidays'], tags: ['tee', 'cotton', 'casual', 'tops', 'clothing'] },
  { slug: 'coffee', weight: 4, brands: ['Lavazza', 'Illy', 'Starbucks', 'Peet\'s', 'Kicking Horse', 'Stumptown', 'Counter Culture'], series: ['Espresso', 'Single Origin', 'House Blend', 'Dark Roast', 'Decaf', 'Colombia', 'Ethiopia Yirgacheffe'],
    kinds: ['Whole Bean Coffee', 'Ground Coffee', 'Coffee Pods', 'Espresso Beans', 'Cold Brew Coffee'], variants: ['250 g', '500 g', '1 kg', '10 Pods', '24 Pods'], price: [5, 59],
    features: ['notes of chocolate and caramel', 'a bright citrus acidity', 'a full body', '100% arabica beans', 'a fair trade certification', 'a medium roast profile', 'a nutty finish'],
    uses: ['espresso machines', 'french press', 'pour over', 'morning routines', 'filter coffee'], tags: ['coffee', 'arabica', 'roast', 'beans', 'caffeine'] },
  { slug: 'tea', weight: 2, brands: ['Twinings', 'Yogi', 'Teavana', 'Harney & Sons', 'Clipper', 'Pukka', 'Mariage Freres'], series: ['Earl Grey', 'English Breakfast', 'Sencha', 'Chamomile', 'Chai', 'Matcha', 'Oolong'],
    kinds: ['Loose Leaf Tea', 'Tea Bags', 'Herbal Tea', 'Green Tea', 'Black Tea'], variants: ['20 Bags', '50 Bags', '100 g Tin', '250 g'], price: [3, 39],
    features: ['organic leaves', 'a floral aroma', 'a smooth malty taste', 'no added sugar', 'whole spices', 'a delicate grassy flavour'],
    uses: ['afternoon tea', 'relaxing evenings', 'iced tea', 'mindful breaks'], tags: ['tea', 'herbal', 'organic', 'infusion', 'leaves'] },
  { slug: 'books', weight: 5, brands: ['Penguin', 'HarperCollins', 'Macmillan', 'Simon & Schuster', 'Hachette', 'Vintage', "O'Reilly"], series: [],
    kinds: ['Paperback', 'Hardcover', 'Novel', 'Illustrated Edition'], variants: [], price: [6, 59], titled: true,
    features: ['a gripping plot', 'memorable characters', 'an award-winning author', 'a new foreword', 'beautiful illustrations', 'a satisfying ending'],
    uses: ['book clubs', 'long train rides', 'bedtime reading', 'gift giving', 'holiday reading'], tags: ['book', 'reading', 'fiction', 'bestseller', 'literature'] },
  { slug: 'toys', weight: 3, brands: ['Lego', 'Playmobil', 'Mattel', 'Hasbro', 'Fisher-Price', 'Melissa & Doug', 'Hot Wheels'], series: ['City', 'Technic', 'Barbie', 'Nerf', 'Little People', 'Creator', 'Duplo'],
    kinds: ['Building Set', 'Doll', 'Action Figure', 'Remote Control Car', 'Plush Toy', 'Wooden Puzzle'], variants: ['Ages 3+', 'Ages 6+', 'Ages 8+', '500 Pieces'], price: [7, 249],
    features: ['colourful pieces', 'child-safe materials', 'easy assembly', 'realistic sounds', 'imaginative play', 'a collectible figure'],
    uses: ['birthdays', 'creative kids', 'rainy afternoons', 'preschoolers', 'family play'], tags: ['toy', 'kids', 'gift', 'play', 'children'] },
  { slug: 'board-games', weight: 2, brands: ['Asmodee', 'Ravensburger', 'Z-Man Games', 'Days of Wonder', 'Hasbro Gaming', 'Kosmos', 'Stonemaier'], series: ['Catan', 'Ticket to Ride', 'Pandemic', 'Carcassonne', 'Wingspan', 'Azul', 'Codenames'],
    kinds: ['Board Game', 'Card Game', 'Strategy Game', 'Party Game', 'Expansion'], variants: ['', 'Family Edition', 'Big Box', '2-Player'], price: [12, 129],
    features: ['quick rules to learn', 'high replay value', 'beautiful artwork', 'cooperative play', 'strategic depth', 'a 60-minute play time'],
    uses: ['game nights', 'families', 'two players', 'parties', 'strategy fans'], tags: ['tabletop', 'game', 'strategy', 'family', 'cards'] },
  { slug: 'kitchen-appliances', weight: 3, brands: ['KitchenAid', 'Breville', "De'Longhi", 'Philips', 'Ninja', 'Cuisinart', 'Smeg'], series: ['Artisan', 'Barista', 'Magnifica', 'Airfryer', 'Foodi', 'Classic', '50s Style'],
    kinds: ['Stand Mixer', 'Espresso Machine', 'Air Fryer', 'Blender', 'Toaster', 'Electric Kettle', 'Food Processor'], variants: ['', 'XL', 'Pro', '1.7 L', '5.5 L'], price: [25, 899],
    features: ['a powerful motor', 'dishwasher-safe parts', 'preset cooking programs', 'a stainless steel housing', 'a milk frother', 'variable speed control', 'an auto shut-off'],
    uses: ['home bakers', 'busy weeknights', 'healthy cooking', 'smoothies', 'small kitchens'], tags: ['kitchen', 'appliance', 'cooking', 'electric', 'home'] },
  { slug: 'cookware', weight: 3, brands: ['Le Creuset', 'Tefal', 'All-Clad', 'Lodge', 'Staub', 'Zwilling', 'Scanpan'], series: ['Signature', 'Ingenio', 'D3', 'Cast Iron', 'Cocotte', 'Pro', 'Classic'],
    kinds: ['Frying Pan', 'Dutch Oven', 'Saucepan Set', 'Chef Knife', 'Wok', 'Baking Tray', 'Stock Pot'], variants: ['20 cm', '24 cm', '28 cm', '3-Piece', '5 L'], price: [15, 599],
    features: ['a non-stick coating', 'even heat distribution', 'an induction-ready base', 'enamelled cast iron', 'an ergonomic handle', 'oven-safe construction', 'forged steel'],
    uses: ['searing steaks', 'slow-cooked stews', 'everyday cooking', 'baking bread', 'stir fries'], tags: ['kitchen', 'cookware', 'pan', 'induction', 'cooking'] },
  { slug: 'furniture', weight: 3, brands: ['IKEA', 'West Elm', 'Herman Miller', 'Hay', 'Muuto', 'Habitat', 'Vitra'], series: ['Kivik', 'Aeron', 'Mags', 'Malm', 'Harmony', 'Eames', 'Billy'],
    kinds: ['Sofa', 'Office Chair', 'Dining Table', 'Bookcase', 'Bed Frame', 'Coffee Table', 'Desk'], variants: ['', '3-Seater', 'Oak', 'Walnut', 'Adjustable'], price: [49, 2999], colored: true,
    features: ['solid wood legs', 'adjustable lumbar support', 'a scratch-resistant surface', 'removable washable covers', 'easy flat-pack assembly', 'a Scandinavian design'],
    uses: ['living rooms', 'home offices', 'small apartments', 'dining rooms', 'bedrooms'], tags: ['furniture', 'home', 'interior', 'wood', 'living-room'] },
  { slug: 'bedding', weight: 2, brands: ['Brooklinen', 'Parachute', 'Dunelm', 'Emma', 'Casper', 'Silentnight', 'John Lewis'], series: ['Luxe', 'Linen', 'Percale', 'Sateen', 'Cloud', 'Essentials', 'Hotel'],
    kinds: ['Duvet Cover Set', 'Pillow', 'Mattress', 'Weighted Blanket', 'Fitted Sheet', 'Mattress Topper'], variants: ['Single', 'Double', 'King', 'Super King'], price: [15, 1299], colored: true,
    features: ['breathable cotton', 'a 400 thread count', 'temperature regulating fibres', 'memory foam layers', 'hypoallergenic filling', 'pure linen'],
    uses: ['a good night sleep', 'hot sleepers', 'guest rooms', 'back pain relief'], tags: ['sleep', 'bedroom', 'cotton', 'linen', 'home'] },
  { slug: 'skincare', weight: 3, brands: ['CeraVe', 'La Roche-Posay', 'The Ordinary', 'Clinique', 'Kiehl\'s', 'Neutrogena', 'Eucerin'], series: ['Hydrating', 'Effaclar', 'Niacinamide', 'Moisture Surge', 'Ultra Facial', 'Hydro Boost', 'Anti-Pigment'],
    kinds: ['Moisturiser', 'Cleanser', 'Serum', 'Sunscreen SPF 50', 'Night Cream', 'Eye Cream'], variants: ['30 ml', '50 ml', '100 ml', '236 ml'], price: [6, 119],
    features: ['hyaluronic acid', 'ceramides', 'vitamin C', 'a fragrance-free formula', 'niacinamide', 'retinol', 'dermatologist testing'],
    uses: ['dry skin', 'sensitive skin', 'oily and acne-prone skin', 'daily sun protection', 'anti-ageing routines'], tags: ['beauty', 'skin', 'face', 'moisturising', 'spf'] },
  { slug: 'fragrances', weight: 2, brands: ['Chanel', 'Dior', 'Tom Ford', 'Jo Malone', 'Yves Saint Laurent', 'Gucci', 'Calvin Klein'], series: ['No. 5', 'Sauvage', 'Black Orchid', 'Wood Sage', 'Libre', 'Bloom', 'Eternity'],
    kinds: ['Eau de Parfum', 'Eau de Toilette', 'Cologne', 'Perfume Gift Set'], variants: ['30 ml', '50 ml', '100 ml'], price: [29, 349],
    features: ['notes of bergamot and amber', 'a woody base', 'a floral heart of jasmine', 'a long-lasting sillage', 'a refillable bottle', 'vanilla and musk'],
    uses: ['evenings out', 'everyday wear', 'gifts', 'summer days', 'special occasions'], tags: ['perfume', 'scent', 'beauty', 'gift', 'luxury'] },
  { slug: 'yoga', weight: 2, brands: ['Manduka', 'Lululemon', 'Gaiam', 'Liforme', 'Jade', 'Alo', 'Hugger Mugger'], series: ['PRO', 'The Mat', 'Essentials', 'Travel', 'Harmony', 'Warrior', 'Balance'],
    kinds: ['Yoga Mat', 'Yoga Block', 'Yoga Strap', 'Meditation Cushion', 'Yoga Leggings'], variants: ['4 mm', '6 mm', 'Set of 2', 'Extra Long'], price: [9, 179], colored: true,
    features: ['a non-slip grip', 'natural rubber', 'alignment markers', 'extra joint cushioning', 'sweat-wicking fabric', 'a carrying strap'],
    uses: ['hot yoga', 'pilates', 'meditation', 'home workouts', 'stretching'], tags: ['yoga', 'fitness', 'mat', 'wellness', 'workout'] },
  { slug: 'bikes', weight: 2, brands: ['Trek', 'Specialized', 'Giant', 'Cannondale', 'Brompton', 'Canyon', 'Cube'], series: ['Domane', 'Rockhopper', 'Escape', 'Synapse', 'C Line', 'Grizl', 'Stereo'],
    kinds: ['Road Bike', 'Mountain Bike', 'E-Bike', 'Folding Bike', 'Gravel Bike', 'Hybrid Bike'], variants: ['Size S', 'Size M', 'Size L', 'Size XL'], price: [299, 5999], colored: true,
    features: ['hydraulic disc brakes', 'a lightweight aluminium frame', 'a carbon fork', 'Shimano gears', 'a long-range battery', 'tubeless-ready wheels', 'front suspension'],
    uses: ['city commuting', 'mountain trails', 'long road rides', 'gravel adventures', 'weekend touring'], tags: ['cycling', 'bike', 'outdoor', 'commute', 'sport'] },
  { slug: 'camping', weight: 2, brands: ['Coleman', 'MSR', 'Big Agnes', 'Vango', 'Black Diamond', 'Therm-a-Rest', 'Jetboil'], series: ['Hubba', 'Copper Spur', 'Spot', 'NeoAir', 'Flash', 'Sundome', 'Odyssey'],
    kinds: ['Tent', 'Sleeping Bag', 'Sleeping Pad', 'Headlamp', 'Camping Stove', 'Backpack'], variants: ['2-Person', '4-Person', '-5 C', '40 L', 'Ultralight'], price: [15, 899],
    features: ['a waterproof flysheet', 'a compact pack size', 'quick pitching poles', 'synthetic insulation', 'a rechargeable battery', 'a fast boil time'],
    uses: ['backpacking', 'festival camping', 'family camping trips', 'wild camping', 'bikepacking'], tags: ['camping', 'outdoor', 'tent', 'hiking', 'adventure'] },
  { slug: 'pet-supplies', weight: 2, brands: ['Purina', 'Royal Canin', 'Kong', 'Hill\'s', 'Pedigree', 'Whiskas', 'Ruffwear'], series: ['Pro Plan', 'Classic', 'Science Diet', 'Adult', 'Puppy', 'Senior', 'Front Range'],
    kinds: ['Dry Dog Food', 'Wet Cat Food', 'Dog Toy', 'Cat Scratcher', 'Dog Harness', 'Pet Bed'], variants: ['2 kg', '12 kg', '12 x 85 g', 'Size M', 'Size L'], price: [4, 149],
    features: ['high protein recipes', 'no artificial colours', 'durable natural rubber', 'a padded chest plate', 'a washable cover', 'added vitamins'],
    uses: ['puppies', 'senior dogs', 'indoor cats', 'active dogs', 'picky eaters'], tags: ['pets', 'dog', 'cat', 'pet-food', 'animals'] },
  { slug: 'garden', weight: 2, brands: ['Bosch', 'Gardena', 'Fiskars', 'Husqvarna', 'Worx', 'Stihl', 'Weber'], series: ['Rotak', 'Classic', 'PowerGear', 'Automower', 'Landroid', 'Spirit', 'Master'],
    kinds: ['Lawn Mower', 'Garden Hose', 'Pruning Shears', 'Hedge Trimmer', 'Barbecue Grill', 'Leaf Blower', 'Raised Planter'], variants: ['', 'Cordless', '20 m', 'Gas', 'Charcoal'], price: [9, 1499],
    features: ['a cordless battery', 'sharp hardened blades', 'a wide cutting width', 'a kink-free hose', 'weatherproof materials', 'a large grilling area'],
    uses: ['small lawns', 'hedges and shrubs', 'vegetable gardens', 'summer barbecues', 'balcony gardening'], tags: ['garden', 'outdoor', 'lawn', 'tools', 'bbq'] },
];
