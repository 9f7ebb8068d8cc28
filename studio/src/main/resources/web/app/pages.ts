/** One page of a listing as the generated clients return it. */
interface Paged<T> {
  items?: T[];
  total?: number | null;
}

/**
 * Every item of a paged listing, page after page, until a page comes back short or the total is reached. For what a
 * screen must show whole (all codings of a transcript), never for what the user pages through.
 */
export async function everyItem<T>(page: (number: number) => Promise<Paged<T>>, size: number): Promise<T[]> {
  const items: T[] = [];
  for (let number = 0; ; number++) {
    const answer = await page(number);
    const got = answer.items ?? [];
    items.push(...got);
    if (got.length < size || (answer.total != null && items.length >= answer.total)) {
      return items;
    }
  }
}
