/** A demo's chart as PNG bytes, with its file name and alt text, as its worker task returns it. */
export interface DemoFile {
	name: string;
	png: Uint8Array;
	description: string;
}
