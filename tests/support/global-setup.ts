// Runs once before the suites. Browser and end-to-end suites need the built renderer.
export default async function setup(): Promise<void> {}
