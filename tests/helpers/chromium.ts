/** Debian's Chromium, as the browser tests launch it (`apt-get install chromium`; CHROMIUM_PATH points elsewhere). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, no sandbox (the tests run as root) and no background networking: on this closed network Chromium's own
 * connections are refused, many at a time.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
