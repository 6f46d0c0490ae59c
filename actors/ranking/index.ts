export { LOW_STOCK, PLENTIFUL_BOOST, PLENTIFUL_STOCK, stockReason, stockScore } from './stock.js';
export {
  checkLogisticsWeights, DEFAULT_LOGISTICS_WEIGHTS, deliveryReason, logisticsPenalty, logisticsScore, MAX_DAYS,
  type LogisticsFacts, type LogisticsWeights,
} from './logistics.js';
import { deliveryReason, DEFAULT_LOGISTICS_WEIGHTS, logisticsScore, type LogisticsFacts, type LogisticsWeights } from './logistics.js';
import { stockReason, stockScore } from './stock.js';

/** The business multiplier of a product's relevance (logistics x stock) and the reason to show ('' = none). */
export function businessFactor(f: LogisticsFacts, unitsLeft: number, w: LogisticsWeights = DEFAULT_LOGISTICS_WEIGHTS): { factor: number; reason: string } {
  const s = stockReason(unitsLeft);
  return { factor: logisticsScore(f, w) * stockScore(unitsLeft), reason: s && s !== 'out of stock' ? s : deliveryReason(f) };
}
