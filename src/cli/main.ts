export async function runCli(a: string[]): Promise<number> { console.log("hi", a); return 0; }
