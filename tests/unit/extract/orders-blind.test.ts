// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/extract';

// Rules found on the eighth and ninth blind corpora (session 3), each on a small page.
// 2026-11-24 14:30 in Shanghai.
const capturedAt = '2026-11-24T06:30:00.000Z';

function page(body: string, title = '订单详情'): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.title = title;
  doc.body.innerHTML = body;
  return doc;
}

const extract = (doc: Document, url = 'https://fk.example.cn/order/1') =>
  extractPage(doc, { url, capturedAt });

describe('order lists and order pages in framework markup', () => {
  it('reads a div table whose header row sits alone in its own header box (Naive UI)', () => {
    const row = (id: string, product: string, paid: string, time: string) =>
      `<div class="tr" role="row"><div class="td">${id}</div><div class="td">${product}</div>
       <div class="td">1</div><div class="td"><span>¥</span><span>${paid}</span></div>
       <div class="td">支付宝</div><div class="td"><span class="tag">已完成</span></div>
       <div class="td">${time}</div></div>`;
    const facts = extract(
      page(
        `<div class="table" role="table">
          <div class="header"><div class="tr" role="row">
            <div class="th">订单号</div><div class="th">商品</div><div class="th">数量</div>
            <div class="th">实付</div><div class="th">支付方式</div><div class="th">状态</div>
            <div class="th">下单时间</div></div></div>
          <div class="body">${row('QY2611241021057713', '哔哩哔哩大会员 年卡', '148.00', '今天 10:21')}
            ${row('QY2611232247312086', '网易云音乐黑胶VIP 季卡', '45.00', '昨天 22:47')}</div>
        </div>`,
        '我的订单',
      ),
    );
    expect(facts.orders?.map((o) => [o.orderId, o.amount, o.placedAt])).toEqual([
      ['QY2611241021057713', 148, '2026-11-24T10:21:00+08:00'],
      ['QY2611232247312086', 45, '2026-11-23T22:47:00+08:00'],
    ]);
  });

  it('reads statistic boxes that show the figure above its caption', () => {
    const box = (value: string, caption: string) =>
      `<div class="stat"><div class="v">${value}</div><div class="k">${caption}</div></div>`;
    const facts = extract(
      page(`<div class="stats">${box('<span>¥</span><span>228.00</span>', '实付金额')}
        ${box('1', '购买件数')}${box('微信支付', '付款方式')}${box('Steam', '平台')}</div>
        <p>订单号：JD2611232108425531</p>`),
    );
    expect(facts.order).toMatchObject({ amount: 228, quantity: 1, paymentMethod: '微信支付' });
  });

  it('takes a product box’s first line, past a picture’s placeholder caption', () => {
    const facts = extract(
      page(`<h3>商品信息</h3>
        <div class="goods"><div class="pic">账号截图</div>
          <div><div class="t">原神 官服 58级账号 雷神满命 可换绑</div>
          <div class="sub"><span>商品编号：G20261119004726</span><span>卖家：用户****8821</span></div></div>
        </div>
        <p>订单编号：YJ2611232144093381</p><p>实付款：¥418.00</p>`),
    );
    expect(facts.order?.product).toBe('原神 官服 58级账号 雷神满命 可换绑');
  });

  it('passes over an operator icon beside the product name, and finds a wrapped status word', () => {
    const facts = extract(
      page(`<div class="hero"><div class="hero-status"><uni-text><span>充值成功</span></uni-text></div></div>
        <div class="goods"><div class="goods-ico">联通</div>
          <div><div class="goods-name"><uni-text><span>中国联通 话费直充 100元</span></uni-text></div></div></div>
        <p>订单编号：ML2611241152093318</p><p>实付款：￥97.90</p>`),
    );
    expect(facts.order).toMatchObject({ product: '中国联通 话费直充 100元', status: '充值成功' });
  });

  it('lines up a card table whose product cell spans the rows of its codes', () => {
    const facts = extract(
      page(`<p>订单号：BC2611221530041187</p><p>实付金额：¥1,149.10</p>
        <table><thead><tr><th>商品</th><th>#</th><th>兑换码</th><th>状态</th></tr></thead>
        <tbody><tr><td rowspan="3">腾讯视频 SVIP 年卡</td><td>1</td><td><code>TXSVIP-8QK2-M7XD-4RPN</code></td><td>已提取</td></tr>
          <tr><td>2</td><td><code>TXSVIP-3HWB-9CLT-6YKE</code></td><td>已提取</td></tr>
          <tr><td>3</td><td><code>TXSVIP-5JNF-2VRA-8QDM</code></td><td>已提取</td></tr></tbody></table>`),
    );
    expect(facts.order?.cardKeys).toEqual([
      'TXSVIP-8QK2-M7XD-4RPN',
      'TXSVIP-3HWB-9CLT-6YKE',
      'TXSVIP-5JNF-2VRA-8QDM',
    ]);
  });

  it('keeps a delivered account’s login and password together as one card key', () => {
    const delivered = extract(
      page(`<p>订单编号：YJ2611232144093381</p><p>实付款：¥418.00</p>
        <table><tr><td>登录账号</td><td>mhy_leiyun0731</td></tr>
        <tr><td>登录密码</td><td>Ly@0731gsX9</td></tr></table>`),
    );
    expect(delivered.order?.cardKeys).toEqual(['mhy_leiyun0731 Ly@0731gsX9']);
    // A top-up account alone, or a profile's masked password, is no card.
    const topUp = extract(
      page(`<p>订单编号：YJ2611232144093381</p><p>实付款：¥30.00</p><p>充值账号：2847710356</p>
        <p>账号：yun_guest_7731</p><p>密码：********</p>`),
    );
    expect(topUp.order?.cardKeys).toBeUndefined();
  });
});

describe('bills and site identity', () => {
  it('splits a two-field column ("名称 | 对方") into a product and a payee', () => {
    const facts = extract(
      page(
        `<h1>交易详情</h1><table><thead><tr><th>创建时间</th><th>名称 | 对方</th><th>交易号</th><th>金额</th><th>状态</th></tr></thead>
        <tbody><tr><td>2026.11.23 19:42:10</td><td><p>拾光数卡-QQ音乐豪华绿钻 年卡</p><p>拾光数卡</p></td>
        <td>2026112322001410251439876620</td><td>- 158.00</td><td>交易成功</td></tr></tbody></table>
        <dl><dt>商户订单号</dt><dd>SZ2611231942103857</dd></dl>`,
        '交易详情',
      ),
      'https://consumeprod.alipay.com/record/detail.htm',
    );
    expect(facts.kind).toBe('payment');
    expect(facts.order?.product).toBe('拾光数卡-QQ音乐豪华绿钻 年卡');
  });

  it('names a bill’s site by the provider’s host when the page never prints the name', () => {
    const bill = page(
      `<div class="amount">-39.90</div><p>交易单号：4200002903202611241148277256</p>
      <p>商户单号：NY2611241148109937</p><p>支付时间：2026-11-24 11:48:27</p>`,
      '账单详情',
    );
    expect(extract(bill, 'https://wx.tenpay.com/userroll/userrolldetail').site.name).toBe(
      '微信支付',
    );
  });

  it('reads the shop’s name from an app bar when the title names only the page', () => {
    const bar = page(
      `<div class="uni-page-head"><div class="uni-page-head__title">米粒充值</div></div><p>订单编号：ML2611241152093318</p>`,
    );
    expect(extract(bar).site.name).toBe('米粒充值');
    const chat = page(
      `<div class="navbar"><div class="title">栖云卡铺<small>售后对话</small></div></div>`,
      '售后对话',
    );
    expect(extract(chat).site.name).toBe('栖云卡铺');
  });

  it('does not take an order number that passes the check character for a credit code', () => {
    // 18 characters whose GB 32100 check character happens to fit, but no region code.
    const facts = extract(page('<div><span>YL2611230841126675</span></div><p>实付款：¥612.00</p>'));
    expect(facts.site.creditCode).toBeUndefined();
    const real = extract(page('<footer>杭州星点网络科技有限公司 91330106MA2KXD7Q1J</footer>'));
    expect(real.site.creditCode).toBe('91330106MA2KXD7Q1J');
  });
});

describe('rules from the tenth and eleventh blind corpora', () => {
  it('keeps the buyer’s 联系QQ and a 充值QQ号 in an order’s table out of the site’s contacts', () => {
    const facts = extract(
      page(`<table><tr><td>订单编号：</td><td>HG2611240905331</td></tr>
        <tr><td>联系QQ：</td><td><span>1592847306</span></td></tr>
        <tr><td>充值QQ号：</td><td>2837461950</td></tr></table>
        <div class="footer">白鸽数卡 客服QQ：800123456</div>`),
    );
    expect(facts.site.contacts).toEqual(['QQ: 800123456']);
  });

  it('names a bill by its provider’s title over its host, and an aggregator by its own name', () => {
    const qq = page(
      '<p>交易单号：1000052601202611200612738419</p><p>金额：-30.00</p>',
      'QQ钱包 - 支付详情',
    );
    expect(extract(qq, 'https://myun.tenpay.com/mqq/pay/bill').site.name).toBe('QQ钱包');
    const epay = page(
      `<div class="logo">星河易支付</div><h2>支付成功</h2><p>商户订单号：CZ2611241030117</p>
       <p>系统订单号：2026112410301175521</p><p>支付方式：支付宝</p><p>金额：58.80元</p>
       <footer>© 2026 星河易支付 版权所有</footer>`,
      '支付成功 - 星河易支付',
    );
    expect(extract(epay, 'https://pay.xinghe-epay.cn/return').site.name).toBe('星河易支付');
  });

  it('reads a bill’s status word after its icon', () => {
    const facts = extract(
      page(
        `<div class="state"><svg viewBox="0 0 24 24"></svg>支付成功</div><div class="amt">-58.00</div>
         <p>交易单号：2026112516084010029471635482</p><p>商户单号：DY2611251608</p>`,
        '账单详情',
      ),
      'https://cashier.douyinpay.com/bill/detail',
    );
    expect(facts.payment?.status).toBe('支付成功');
    expect(facts.site.name).toBe('抖音支付');
  });

  it('finds a goods row by its count, and the page’s headline state before the order number', () => {
    const facts = extract(
      page(`<div class="top"><div class="s1">充值成功</div></div>
        <div class="progress"><div class="st">已付款</div></div>
        <div class="g"><div class="pic">爱奇艺</div><div class="bd">
          <div class="tt">爱奇艺黄金VIP会员 12个月年卡 官方直充</div>
          <div class="pl"><span>¥</span><span>178</span><span>.00</span><span class="coupon">券后价 ¥168</span><span>x1</span></div>
        </div></div>
        <p>订单编号：261125-180352674019847</p><p>实付：¥148.00</p>`),
    );
    expect(facts.order).toMatchObject({
      product: '爱奇艺黄金VIP会员 12个月年卡 官方直充',
      quantity: 1,
      status: '充值成功',
    });
  });

  it('pairs 卡号 and 卡密 in a popup, past its caption, and takes no 复制 for a caption', () => {
    const facts = extract(
      page(`<p>订单编号：2611251637028846173</p><p>实付款：¥97.50</p>
        <div role="dialog"><div class="hd">卡密信息</div><div class="bd">
          <div class="gname">京东E卡 100元 · 共1张</div>
          <div class="kv"><div class="lab">卡号</div><div class="val"><span>JDV8260311745208</span><em>复制</em></div></div>
          <div class="kv"><div class="lab">卡密</div><div class="val"><span>A7KD-3M9Q-XW2P-6HTN</span><em>复制</em></div></div>
        </div></div>`),
    );
    expect(facts.order?.cardKeys).toEqual(['JDV8260311745208 A7KD-3M9Q-XW2P-6HTN']);
    expect(facts.order?.product).toBeUndefined();
  });

  it('reads order cards that show no order number, and takes no product grid for orders', () => {
    const card = (product: string, status: string, n: number, paid: string) =>
      `<div class="ocard"><div class="h"><span class="shop">云逸数码卡券</span><span class="st">${status}</span></div>
        <div class="b"><div class="img"></div><div class="c"><div class="t">${product}</div></div>
        <div class="r"><div class="m"><span>¥</span><span>99</span><span>.00</span></div><div class="n">×${n}</div></div></div>
        <div class="sum">共${n}件 实付款 <span class="m"><span>¥</span><span>${paid.split('.')[0]}</span><span>.${paid.split('.')[1]}</span></span></div></div>`;
    const facts = extract(
      page(
        `<nav class="tabs"><a>全部</a><a>待发货</a></nav>
        ${card('腾讯视频VIP会员 12个月 年卡 直充', '待发货', 1, '148.00')}
        ${card('和平精英 660点券 直充', '已完成', 1, '58.80')}`,
        '我的订单',
      ),
    );
    expect(facts.kind).toBe('order');
    expect(facts.orders?.map((o) => [o.product, o.quantity, o.amount, o.status])).toEqual([
      ['腾讯视频VIP会员 12个月 年卡 直充', 1, 148, '待发货'],
      ['和平精英 660点券 直充', 1, 58.8, '已完成'],
    ]);
    const grid = extract(
      page(
        `<div class="goods-card"><div class="t">京东E卡 100元 电子卡</div><div>¥98.50</div><div>月销 2000+</div></div>
         <div class="goods-card"><div class="t">Steam充值卡 200元 CDK</div><div>¥196.00</div><div>月销 800+</div></div>`,
        '搜索结果',
      ),
    );
    expect(grid.orders).toBeUndefined();
    expect(grid.order).toBeUndefined();
  });
});

describe('platform pages', () => {
  it('names the platform from its open-the-app banner, and a search page from its brand', () => {
    const chat = page(
      `<div class="dl"><b>闲趣</b><span>打开App，聊天消息不错过</span></div>
       <div class="hdr"><div class="nick">阿杰卡券</div></div>`,
      '阿杰卡券 - 消息',
    );
    expect(extract(chat).site.name).toBe('闲趣');
    const search = page(
      '<div class="sbar"><span class="brand">淘易购</span><span>steam充值卡</span></div>',
      'steam充值卡 - 淘易购搜索',
    );
    expect(extract(search).site.name).toBe('淘易购');
  });

  it('reads the goods card of a trade chat as its order, and a product page gives none', () => {
    const chat = page(
      `<div class="item-card"><div class="pic"></div>
        <div class="mid"><div class="price"><span>¥</span><span>188</span><span>.00</span></div>
        <div class="ti">京东E卡 200元 电子卡密 秒发</div></div>
        <div class="side"><div class="tstate">待确认收货</div><span class="btn">确认收货</span></div></div>`,
      '阿杰卡券 - 消息',
    );
    expect(extract(chat).order).toEqual({
      amount: 188,
      product: '京东E卡 200元 电子卡密 秒发',
      status: '待确认收货',
    });
    const product = page(
      `<div class="pbox"><div class="price"><span>¥</span><span>158</span><span>.00</span></div>
       <div class="ti">腾讯视频VIP会员 12个月 年卡 直充</div><div>已售 3.2万</div></div>`,
      '腾讯视频VIP会员',
    );
    expect(extract(product).order).toBeUndefined();
  });
});

describe('rules from the twelfth and thirteenth blind corpora', () => {
  it('reads codes under a 发货内容 heading: an account line in <pre>, a code in a plain box', () => {
    const pre = extract(
      page(`<p>订单号：CH2611251130558</p><p>实付金额：¥38.00</p>
        <div class="kami"><h4>发货内容</h4><pre>usid_7731k@icloud.com----Lm58vTq2#k</pre></div>`),
    );
    expect(pre.order?.cardKeys).toEqual(['usid_7731k@icloud.com----Lm58vTq2#k']);
    const box = extract(
      page(`<p>订单号：MM2611261802335</p><p>实付：¥30.00</p>
        <div class="box"><h4>发货内容</h4><div class="code"><span>7QJ4M-K2XWP-9HTRB</span><button>复制</button></div></div>`),
    );
    expect(box.order?.cardKeys).toEqual(['7QJ4M-K2XWP-9HTRB']);
    // A notice that mentions 卡密 is no heading over the order's own table.
    const notice = extract(
      page(`<div class="alert">该订单已申请退款，退款处理期间卡密不会发放，请勿重复下单。</div>
        <table><tr><td>订单号</td><td>WF2611241406183357</td></tr><tr><td>实付</td><td>¥25.00</td></tr></table>`),
    );
    expect(notice.order?.cardKeys).toBeUndefined();
  });

  it('keeps the buyer’s e-mail in a query result or an order’s 联系邮箱 out of the contacts', () => {
    const facts = extract(
      page(`<p class="tip">邮箱 chenmo1994@qq.com 共查询到 4 笔订单</p>
        <div class="info"><div class="row"><div class="k">订单号</div><div>QY2611251030</div></div>
        <div class="row"><div class="k">联系邮箱</div><div>chen.yq0826@qq.com</div></div></div>
        <footer>客服邮箱：kefu@qingyou-sk.com</footer>`),
    );
    expect(facts.site.contacts).toEqual(['邮箱: kefu@qingyou-sk.com']);
  });

  it('reads a card header’s time after its order number, and a wallet without the note beside it', () => {
    const card = (id: string, at: string, wallet: string) =>
      `<div class="order-card"><div class="hd"><span>订单号：${id}　　${at}</span><span class="st">已发货</span></div>
        <div class="goods"><div class="t">爱奇艺黄金VIP会员 周卡</div><div class="m">支付方式：${wallet}　自动发货</div></div>
        <div class="sum"><div class="q">×1</div><div class="p">实付 ¥4.90</div></div></div>`;
    const facts = extract(
      page(
        card('YT20261126084415293', '2026-11-26 08:44:15', '支付宝') +
          card('YT20261124193052118', '2026-11-24 19:30:52', '微信支付'),
        '我的订单',
      ),
    );
    expect(facts.orders?.map((o) => [o.placedAt, o.paymentMethod])).toEqual([
      ['2026-11-26T08:44:15+08:00', '支付宝'],
      ['2026-11-24T19:30:52+08:00', '微信支付'],
    ]);
  });

  it('takes a payment gateway’s 支付订单号 as the trade number', () => {
    const facts = extract(
      page(
        `<h2>支付成功</h2><dl><dt>商户订单号</dt><dd>QY2611252247183</dd>
         <dt>支付订单号</dt><dd>2026112522471952683</dd><dt>支付金额</dt><dd>¥22.00</dd></dl>`,
        '支付成功',
      ),
    );
    expect(facts.order?.tradeNo).toBe('2026112522471952683');
  });
});

describe('rules from the fourteenth and fifteenth blind corpora', () => {
  it('reads bilingual labels ("Order No. 订单号") by their Chinese half', () => {
    const row = (en: string, zh: string, v: string) =>
      `<div class="row"><div class="k"><i>${en}</i>${zh}</div><div class="v">${v}</div></div>`;
    const facts = extract(
      page(
        row('Order No.', '订单号', 'QL2611252210473861') +
          row('Paid', '实付', '¥12') +
          row('Paid at', '付款时间', '11-23 22:11'),
      ),
    );
    expect(facts.order).toMatchObject({
      orderId: 'QL2611252210473861',
      amount: 12,
      placedAt: '2026-11-23T22:11:00+08:00',
    });
  });

  it('takes the paid figure of a cell that also shows the list price', () => {
    const facts = extract(
      page(
        `<table><tr><th>订单号</th><th>商品</th><th>金额</th><th>状态</th></tr>
         <tr><td>SY2611260915408263</td><td>骏网一卡通 35元</td><td><del>原价：102元</del><br>实付：100元</td><td>交易成功</td></tr>
         <tr><td>SY2610300905129384</td><td>京东E卡 1000元</td><td>实付：1,960元</td><td>已退款</td></tr></table>`,
        '我的订单',
      ),
    );
    expect(facts.orders?.map((o) => o.amount)).toEqual([100, 1960]);
  });

  it('reads "当前状态　支付成功" as a status, and several codes in one table cell', () => {
    const facts = extract(
      page(`<p>订单号：LZ2611251803</p><div class="st">当前状态　支付成功</div>
        <table><tr><th>商品</th><th>卡密</th></tr>
        <tr><td>腾讯视频VIP会员 月卡</td><td><code>LZ26-K8PM-3XQW-7HTN</code><code>LZ26-R5CB-9DVF-2JYE</code></td></tr></table>`),
    );
    expect(facts.order?.status).toBe('支付成功');
    expect(facts.order?.cardKeys).toEqual(['LZ26-K8PM-3XQW-7HTN', 'LZ26-R5CB-9DVF-2JYE']);
  });

  it('keeps a password printed in groups whole beside its card number', () => {
    const facts = extract(
      page(`<p>订单号：YN2611251408</p><p>实付：¥48.50</p>
        <table><tr><th>序号</th><th>卡号</th><th>密码</th></tr>
        <tr><td>1</td><td>1172604415083</td><td>5829 6613 0478</td></tr></table>`),
    );
    expect(facts.order?.cardKeys).toEqual(['1172604415083 5829 6613 0478']);
  });

  it('calls an order page with a 留言 box an order page, and strips 客服 from a shop’s title', () => {
    const facts = extract(
      page(
        `<p>订单号：MT2611251120</p><p>实付：¥30.00</p><p>订单状态：已发货</p>
         <div class="msgs"><div class="msg buyer"><span class="who">买家留言 11-25 11:30</span><p>卡密提示已使用</p></div>
         <div class="msg seller"><span class="who">商家回复 11-25 11:42</span><p>已为您补发</p></div></div>`,
        '订单详情 - 麦田发卡',
      ),
    );
    if (facts.chat) expect(facts.kind).toBe('order');
    expect(extract(page('<p>在的</p>', '拾月数卡客服')).site.name).toBe('拾月数卡');
    expect(extract(page('<p>在的</p>', '联系客服')).site.name).toBeUndefined();
  });
});

describe('rules from the sixteenth and seventeenth blind corpora', () => {
  it('reads an order card whose header runs its number into its time, and a state over its wallet', () => {
    const card = (id: string, at: string, state: string, wallet: string) =>
      `<div class="order"><div class="head"><span>订单号：<b>${id}</b></span><span>${at}</span></div>
        <div class="body"><div class="name">Apple Store 充值卡 50元</div><div class="qty">× 1</div>
        <div class="money">实付 ¥49.50</div><div class="st">${state}<br><small>${wallet}</small></div></div></div>`;
    const facts = extract(
      page(
        card('NF2611231340528117', '11-23 13:40', '已完成', '微信支付') +
          card('NF2610192005331946', '2026-10-19 20:05', '已退款', '支付宝'),
        '我的订单',
      ),
    );
    expect(facts.orders?.map((o) => [o.orderId, o.placedAt, o.status, o.paymentMethod])).toEqual([
      ['NF2611231340528117', '2026-11-23T13:40:00+08:00', '已完成', '微信支付'],
      ['NF2610192005331946', '2026-10-19T20:05:00+08:00', '已退款', '支付宝'],
    ]);
  });

  it('reads numbered code labels (卡密 1, 卡密 2) and a paid total written without a colon', () => {
    const facts = extract(
      page(`<p>订单号：QX2611281905</p><div>实付款 <span class="paid">¥196.00</span></div>
        <ul><li><span>卡密 1</span><span>IQYA-7KQ2-MW8P-XT4N-R3HD</span></li>
        <li><span>卡密 2</span><span>IQYA-C9DV-2JTF-6HQW-K8PM</span></li></ul>`),
    );
    expect(facts.order?.amount).toBe(196);
    expect(facts.order?.cardKeys).toEqual(['IQYA-7KQ2-MW8P-XT4N-R3HD', 'IQYA-C9DV-2JTF-6HQW-K8PM']);
  });

  it('reads a list cell past its struck-out price, and a company named as the site’s owner', () => {
    const facts = extract(
      page(
        `<table><tr><th>订单号</th><th>商品</th><th>金额</th><th>状态</th></tr>
         <tr><td>MZ2611271530264419</td><td>话费充值卡 50元</td><td><del>¥194.00</del>¥190.00</td><td>已完成</td></tr>
         <tr><td>MZ2611190922419905</td><td>网易云音乐黑胶VIP 年卡</td><td>¥128.00</td><td>售后中</td></tr></table>
         <footer><p>栖霞数卡是成都栖霞网络科技有限公司旗下数字商品平台</p></footer>`,
        '我的订单',
      ),
    );
    expect(facts.orders?.map((o) => o.amount)).toEqual([190, 128]);
    expect(facts.site.company).toBe('成都栖霞网络科技有限公司');
  });

  it('reads a detail table with 订单编号 and 平台订单号 as one order, the latter its trade number', () => {
    const facts = extract(
      page(`<table>
        <tr><th>订单编号</th><td>SB2611291415083362</td><th>订单状态</th><td>已完成</td></tr>
        <tr><th>实付金额</th><td>285.00元</td><th>支付方式</th><td>支付宝</td></tr>
        <tr><th>平台订单号</th><td>2026112914152097315</td><th>下单时间</th><td>2026-11-28 14:15:08</td></tr></table>`),
    );
    expect(facts.orders).toBeUndefined();
    expect(facts.order).toMatchObject({
      orderId: 'SB2611291415083362',
      tradeNo: '2026112914152097315',
      amount: 285,
    });
  });

  it('reads numbered code rows under a 卡密信息 header, not the header box’s whole text', () => {
    const facts = extract(
      page(`<p>订单号：LM2611291830</p><p>实付：¥266.00</p>
        <div class="card"><div class="hd"><span>卡密信息</span></div><div class="bd">
          <div class="row"><span>卡密 1</span><span>TXSP-8K2M-QW7R-N4VD</span><button>复制</button></div>
          <div class="row"><span>卡密 2</span><span>TXSP-3HJX-P9TE-6YCB</span><button>复制</button></div>
          <p class="tip">兑换码有效期至 2027-11-30，请尽快使用。</p></div></div>`),
    );
    expect(facts.order?.cardKeys).toEqual(['TXSP-8K2M-QW7R-N4VD', 'TXSP-3HJX-P9TE-6YCB']);
  });
});

describe('rules from the twenty-first to twenty-third blind corpora', () => {
  it('reads a field under a section heading, not the heading over the whole box', () => {
    const facts = extract(
      page(
        `<p>订单号：MY2611291508336201</p>
        <div class="panel"><div class="panel-hd">商品信息</div><div class="panel-bd"><table>
          <tr><td class="l">商品标题</td><td colspan="3">王者荣耀 安卓QQ区 V8 112英雄</td></tr>
          <tr><td class="l">商品编号</td><td>G20261127388412</td><td class="l">购买数量</td><td>1</td></tr>
        </table></div></div>`,
      ),
    );
    expect(facts.order?.product).toBe('王者荣耀 安卓QQ区 V8 112英雄');
  });

  it('reads codes listed after a heading bar that holds a count and buttons', () => {
    const facts = extract(
      page(
        `<p>订单号：20261201093522648817</p><p>实付金额：¥74.80</p>
        <div class="card"><div class="bar"><h4>卡密信息</h4>&nbsp;<span>共 2 个</span>
          <span class="act"><a href="#">全部复制</a></span></div>
        <ul class="kl"><li><span class="n">1</span><code>NKXR7-9Q2TM-BW84C-H3JDF-6YPVG</code><a href="#">复制</a></li>
          <li><span class="n">2</span><code>7FJ3W-QN4KP-R8TXB-2MVHC-9DGYK</code><a href="#">复制</a></li></ul></div>`,
      ),
    );
    expect(facts.order?.cardKeys).toEqual([
      'NKXR7-9Q2TM-BW84C-H3JDF-6YPVG',
      '7FJ3W-QN4KP-R8TXB-2MVHC-9DGYK',
    ]);
  });

  it('reads a card table under a title bar with a button as pairs, not the bar as a header row', () => {
    const facts = extract(
      page(
        `<p>订单号：LM202612011620450358</p>
        <div class="ant-card"><div class="ant-card-head"><div class="ant-card-head-title">卡密信息（共 2 张）</div>
          <button type="button">导出 TXT</button></div>
        <div class="ant-card-body"><table><thead><tr><th>#</th><th>卡号</th><th>卡密</th><th>操作</th></tr></thead>
          <tbody><tr><td>1</td><td><code>2612011620450001</code></td><td><code>8305917246381952</code></td><td><button>复制</button></td></tr>
          <tr><td>2</td><td><code>2612011620450002</code></td><td><code>4192608375517364</code></td><td><button>复制</button></td></tr></tbody>
        </table><div class="ant-alert">使用方法：输入卡号和卡密即可充值。</div></div></div>`,
      ),
    );
    expect(facts.order?.cardKeys).toEqual([
      '2612011620450001 8305917246381952',
      '2612011620450002 4192608375517364',
    ]);
  });

  it('names the site from a footer block’s first line, a chat’s top bar or its service line', () => {
    const footer = extract(
      page(
        `<p>订单号：YQ2611302013489051</p>
        <div class="foot">云栖发卡 · 正品卡密自动发货<br>客服微信: yunqi_fk<br>浙ICP备2026039142号-2</div>`,
      ),
    );
    expect(footer.site.name).toBe('云栖发卡');
    expect(footer.promises).toEqual([]);
    const bar = extract(
      page(
        '<div class="hd"><span>‹</span>北辰卡盟客服</div><p>您好，请问有什么可以帮您？</p>',
        '联系客服',
      ),
    );
    expect(bar.site.name).toBe('北辰卡盟');
    const strip = extract(
      page('<div class="shop-strip">松间发卡 · 人工客服在线时间 9:00-23:00</div>', '在线客服'),
    );
    expect(strip.site.name).toBe('松间发卡');
  });

  it('takes a payment gateway’s 平台交易号 as the trade number', () => {
    const facts = extract(
      page(
        `<h2>支付成功</h2><dl><div><dt>商户名称</dt><dd>青柚卡铺</dd></div>
        <div><dt>商户订单号</dt><dd>QY2611301842157730</dd></div>
        <div><dt>平台交易号</dt><dd>SH20261130184218660471</dd></div>
        <div><dt>支付金额</dt><dd>¥158.00</dd></div></dl>`,
        '支付结果',
      ),
    );
    expect(facts.payment?.tradeNo).toBe('SH20261130184218660471');
  });

  it('reads a status set beside the order number, and the goods named by the panel’s heading', () => {
    const facts = extract(
      page(
        `<div class="title"><span>订单号：JL6Q2TK9W3RX8M5A</span><span class="ok">● 已完成</span></div>
        <div class="kv"><p>商品：QQ音乐豪华绿钻 月卡</p><p>实付：¥15.00</p></div>`,
      ),
    );
    expect(facts.order?.status).toBe('已完成');
    const product = extract(
      page(
        `<div class="panel"><div class="game"><div><h3>原神 6480创世结晶</h3>
          <div>官服直充 · 到账 6480 创世结晶</div></div></div>
        <div class="grid"><div><span class="k">订单号</span>XH2611272305481276</div>
          <div><span class="k">游戏UID</span>118273645</div></div></div>`,
      ),
    );
    expect(product.order?.product).toBe('原神 6480创世结晶');
  });

  it('names the site from a brand box’s first part, and the company a sentence says owns it', () => {
    const facts = extract(
      page(
        `<div class="brand"><span>星桥发卡 · 自动发货</span><span>客服QQ: 1593827460</span></div>
        <p>订单号：XQ2611291933052284</p>
        <div class="ft_col"><p>栖霞数卡是成都栖霞网络科技有限公司旗下数字商品平台</p></div>`,
      ),
    );
    expect(facts.site.name).toBe('星桥发卡');
    expect(facts.site.company).toBe('成都栖霞网络科技有限公司');
  });

  it('reads a receipt’s group header spanning rows (收款方 over 户名 | 账号) as the payee', () => {
    const facts = extract(
      page(
        `<h1>支付宝电子回单</h1><table>
        <tr><th rowspan="2">付款方</th><th>户名</th><td>张**</td></tr>
        <tr><th>账号</th><td>138******5521</td></tr>
        <tr><th rowspan="2">收款方</th><th>户名</th><td>深圳市云桥数字科技有限公司</td></tr>
        <tr><th>账号</th><td>yq***@yunqiao-km.com</td></tr>
        <tr><th>交易金额</th><td>¥258.00</td></tr>
        <tr><th>支付宝交易号</th><td>2026112122001462850527319906</td></tr>
        <tr><th>商户订单号</th><td>YQ2611211640071254</td></tr></table>`,
        '支付宝电子回单',
      ),
    );
    expect(facts.payment?.merchant).toBe('深圳市云桥数字科技有限公司');
  });

  it('names the site by a shop box’s own words or the full name beside its logo mark', () => {
    const facts = extract(
      page(
        `<p>订单号：XQ2612031830451173</p><div class="xq-shop">星桥卡券 <em>品牌认证</em><span class="arr">›</span></div>`,
      ),
    );
    expect(facts.site.name).toBe('星桥卡券');
    const logo = extract(
      page(
        '<div class="hero"><div class="logo">星桥</div><div><div class="nm">星桥卡券</div><div class="sub">品牌认证店铺</div></div></div>',
        '关于',
      ),
    );
    expect(logo.site.name).toBe('星桥卡券');
  });

  it('calls a page titled for its guarantees a promise page even with the shop’s 资质 below', () => {
    const facts = extract(
      page(
        `<h1>店铺保障</h1><ul><li>付款后系统自动发卡，卡密即时显示。</li><li>卡密无效的，核实后 1 小时内补发。</li></ul>
        <h2>店铺资质</h2><div><span class="k">企业名称</span><span class="v">深圳星桥数字科技有限公司</span></div>
        <div><span class="k">统一社会信用代码</span><span class="v">91440300MA5HQ7R20Q</span></div>`,
        '店铺保障',
      ),
    );
    expect(facts.kind).toBe('promise');
  });

  it('reads 部分退款 and 等待确认收货 as states', () => {
    const order = extract(
      page('<div class="st">部分退款</div><p>订单号：XQ2612031830451173</p><p>实付款：¥75.00</p>'),
    );
    expect(order.order?.status).toBe('部分退款');
  });

  it('reads a code under a bar naming it with a count, and a bill’s figure split into spans', () => {
    const order = extract(
      page(
        `<p>订单号：SG2612071422083316</p><div class="keybox"><div class="kh"><span>卡密信息</span><span>共 1 条</span></div>
        <div class="kr"><code>V8KQ2M7XRD5T9PLN</code><span class="used">已被使用</span><a href="#copy">复制</a></div></div>`,
      ),
    );
    expect(order.order?.cardKeys).toEqual(['V8KQ2M7XRD5T9PLN']);
    const bill = extract(
      page(
        `<div class="bill-amount"><span>-</span><span>158</span><span>.00</span></div>
        <p>交易状态：交易成功</p><p>支付宝交易号：2026120622001482761503918264</p>
        <p>商家订单号：JG20261206213415772</p><p>收款方：极光卡铺</p>`,
        '账单详情',
      ),
    );
    expect(bill.payment?.amount).toBe(158);
  });

  it('reads an order card in a chat headed by its state, with its fields one per line', () => {
    const facts = extract(
      page(
        `<div class="ocard"><div class="t">我已付款，等待你发货</div>
          <div class="g"><div class="ph"></div><div class="n">原神官服 天空岛 AR58 雷神2命</div></div>
          <div class="f">实付款 <b>¥704.00</b><br>订单编号 3928461057203846172</div></div>`,
        '阿杰游戏号 - 鲸转二手',
      ),
    );
    expect([facts.order?.orderId, facts.order?.amount, facts.order?.product]).toEqual([
      '3928461057203846172',
      704,
      '原神官服 天空岛 AR58 雷神2命',
    ]);
  });

  it('reads a list cell’s product past its picture’s stand-in words', () => {
    const row = (id: string, tag: string, name: string) =>
      `<tr><td>${id}</td><td><div class="goods"><div class="_pic_6c2ra_44">${tag}</div><span>${name}</span></div></td>
       <td>¥50.00</td><td>已完成</td><td>2026-12-06 21:34:15</td></tr>`;
    const facts = extract(
      page(
        `<table><tr><th>订单号</th><th>商品</th><th>实付</th><th>状态</th><th>下单时间</th></tr>
        ${row('JG20261206213415772', 'Steam', 'Steam 国区钱包充值码 50元')}
        ${row('JG20261205101522318', 'B站', '哔哩哔哩 大会员 季卡 兑换码')}</table>`,
        '我的订单',
      ),
    );
    expect(facts.orders?.map((o) => o.product)).toEqual([
      'Steam 国区钱包充值码 50元',
      '哔哩哔哩 大会员 季卡 兑换码',
    ]);
  });

  it('reads a product column whose cell holds a picture’s words and an attribute line', () => {
    const facts = extract(
      page(
        `<p>订单编号：JG20261206213415772</p><table><thead><tr><th>商品</th><th>单价</th><th>数量</th><th>小计</th></tr></thead>
        <tbody><tr><td><div class="goodsCell"><div class="goodsPic">百度网盘<br>SVIP</div><div>
          <div class="goodsName">百度网盘 超级会员SVIP 年卡 独享账号</div><div class="goodsSku">类型：独享账号 · 质保期 6 个月</div></div></div></td>
          <td>¥168.00</td><td>1</td><td>¥168.00</td></tr></tbody></table>`,
      ),
    );
    expect(facts.order?.product).toBe('百度网盘 超级会员SVIP 年卡 独享账号');
  });

  it('names the site by the title part its brand opens with, and reads an mfoot footer', () => {
    const facts = extract(
      page(
        `<a class="brand" href="/">云栈发卡<small>游戏点卡 · 礼品卡 自动发货</small></a>
        <div class="mfoot">橘猫小铺 · 影音会员自动发货<br>成都橘猫数码科技有限公司<br>蜀ICP备2026034726号-1</div>`,
        '云栈发卡 - 游戏点卡 · 礼品卡自动发货平台',
      ),
    );
    expect(facts.site.name).toBe('云栈发卡');
    expect(facts.site.company).toBe('成都橘猫数码科技有限公司');
    expect(facts.promises).toEqual([]);
  });

  it('reads a 产品密钥 column, and a company on a line of an "ft" footer', () => {
    const facts = extract(
      page(
        `<p>订单编号：JG2612141955203318</p><h3>密钥信息（2 个）</h3><table class="keys">
        <tr><th>序号</th><th>产品密钥</th><th>操作</th></tr>
        <tr><td>1</td><td class="k">NX4TB-8QWJ7-K2R9D-HM3CV-7YP6F</td><td><span>复制</span></td></tr>
        <tr><td>2</td><td class="k">D7KPR-3MWQ9-TX4HB-2JC8V-G6RNY</td><td><span>复制</span></td></tr></table>
        <div class="ft">客服QQ：1546208937<br>长沙柚子信息技术有限公司<br>湘ICP备2026028614号-1</div>`,
      ),
    );
    expect(facts.order?.cardKeys).toEqual([
      'NX4TB-8QWJ7-K2R9D-HM3CV-7YP6F',
      'D7KPR-3MWQ9-TX4HB-2JC8V-G6RNY',
    ]);
    expect(facts.site.company).toBe('长沙柚子信息技术有限公司');
  });
});
