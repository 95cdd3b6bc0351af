// The name lives in @asskomm/geo (exports use it too); the dashboard imports it from here.
export { kommuneName } from '@asskomm/geo';
