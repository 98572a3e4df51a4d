/**
 * `npm run demo`: the main job on the embedded sandbox. Grows as adapters and helpers land.
 */
import { money, toDecimal, multiplyMoney } from '../src/index.js';

const price = money('12.40', 'USD');
console.log(`xborder demo — base price ${toDecimal(price)} ${price.currency}; +25% margin → ${toDecimal(multiplyMoney(price, '1.25', 'up'))}`);
