// Goes to a finding's cell.
import { rangeAt } from './marks';

export async function selectCell(address: string): Promise<void> {
  await Excel.run(async (ctx) => {
    rangeAt(ctx, address).select();
    await ctx.sync();
  });
}
