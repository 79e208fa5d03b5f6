export { fixedClock, simulatedClock, type SimulatedClockControl } from './clocks.js';
export { seededRandom } from './seeded-random.js';
