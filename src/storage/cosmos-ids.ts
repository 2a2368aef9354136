/**
 * Cosmos DB refuses `/ \ ? #` in ids, but callers use ids such as `channel:19:x@thread.tacv2` and may use
 * any string. We percent-escape those four characters and `%` itself (so decoding is unambiguous);
 * every other character is stored as is, which keeps ids readable in the Data Explorer.
 */
const mustEscape = /[%/\\?#]/g;

export function encodeCosmosId(id: string): string {
  return id.replace(mustEscape, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function decodeCosmosId(stored: string): string {
  return stored.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
