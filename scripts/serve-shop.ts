// npm run shop: serves the demo card shop on 127.0.0.1 for trying the extension by hand.
import { serveShop } from './lib/shop-server';

const port = Number(process.env.PORT ?? 8787);
const shop = await serveShop(undefined, port);
console.log(`Demo card shop 演示卡盟: ${shop.url}  (Ctrl+C to stop)`);
