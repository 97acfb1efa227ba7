import {blockElements, blockPartElements} from '../../pipeline/hast/content-model.js'

/** Tags that start a block in the PDF layout (anything else is inline content). */
export const blockTags: ReadonlySet<string> = new Set([...blockElements, ...blockPartElements])
