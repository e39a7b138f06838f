/** The interactive finder: `runPicker` for the CLI, the pure reducer and render for tests. */
export { runPicker, type PickerOptions } from './driver.js';
export { initialState, reduce, type PickerInitial } from './reducer.js';
export { render, PLAIN_PICKER_STYLE, type PickerStyle } from './render.js';
export { parseKeys, type Key } from './keys.js';
export type { PickerResult, PickerState, PickerEvent } from './types.js';
