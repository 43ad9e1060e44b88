// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/extract';

const ctx = { url: 'https://shop.example.cn/help', capturedAt: '2026-11-24T02:00:00.000Z' };

/** The promises extractPage reads off a page with this body. */
function promisesOf(body: string, title = '购买须知'): { text: string; category: string }[] {
  const window = new Window({ url: ctx.url });
  window.document.write(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
  try {
    const facts = extractPage(window.document as unknown as Document, ctx);
    return facts.promises.map(({ text, category }) => ({ text, category }));
  } finally {
    void window.happyDOM.abort();
  }
}

describe('promises: where a sentence is cut at its commas', () => {
  it('keeps a tail that promises nothing by itself with the promise before it', () => {
    expect(
      promisesOf(
        '<ul><li>付款成功后系统自动发卡，激活码直接显示在订单详情页。</li>' +
          '<li>本店所售礼品卡均从官方授权渠道采购，保证未被兑换。</li></ul>',
      ),
    ).toEqual([
      { text: '付款成功后系统自动发卡，激活码直接显示在订单详情页', category: 'delivery' },
      { text: '本店所售礼品卡均从官方授权渠道采购，保证未被兑换', category: 'authenticity' },
    ]);
  });

  it('quotes a tail that hedges or only gives a time with its sentence', () => {
    expect(
      promisesOf(
        '<p>一般3分钟内自动发货，节假日可能稍有延迟。</p><p>卡密无效可申请退款，2个工作日内处理。</p>',
      ),
    ).toEqual([
      { text: '一般3分钟内自动发货，节假日可能稍有延迟', category: 'delivery' },
      { text: '卡密无效可申请退款，2个工作日内处理', category: 'refund' },
    ]);
  });

  it('leaves out a tail that is a contact or a refusal', () => {
    expect(
      promisesOf(
        '<p>付款后1分钟内自动发货，售后QQ 800123456。</p>' +
          '<p>所有卡密均为官方正品，虚拟商品不支持退货。</p>',
      ),
    ).toEqual([
      { text: '付款后1分钟内自动发货', category: 'delivery' },
      { text: '所有卡密均为官方正品', category: 'authenticity' },
    ]);
  });

  it('keeps the consequences of one condition together', () => {
    expect(promisesOf('<p>超过20分钟未发货的订单，可申请全额退款，款项原路退回。</p>')).toEqual([
      { text: '超过20分钟未发货的订单，可申请全额退款，款项原路退回', category: 'refund' },
    ]);
  });

  it('keeps an application and the step that follows its review together', () => {
    expect(
      promisesOf(
        '<dl><dt>可以退款吗？</dt><dd>未发货订单可随时申请退款，审核通过后款项3个工作日内原路退回。</dd></dl>',
      ),
    ).toEqual([
      { text: '未发货订单可随时申请退款，审核通过后款项3个工作日内原路退回', category: 'refund' },
    ]);
  });

  it("quotes two commitments in one sentence as one promise, of the first one's kind", () => {
    expect(promisesOf('<p>所有点卡均为官方正品，假一赔五。</p>')).toEqual([
      { text: '所有点卡均为官方正品，假一赔五', category: 'authenticity' },
    ]);
    expect(promisesOf('<p>下单付款后 1 分钟内自动发货，超时未发货可一键申请退款。</p>')).toEqual([
      { text: '下单付款后 1 分钟内自动发货，超时未发货可一键申请退款', category: 'delivery' },
    ]);
    // Each sentence is a promise of its own.
    expect(promisesOf('<p>所有点卡均为官方正品。假一赔五。</p>')).toEqual([
      { text: '所有点卡均为官方正品', category: 'authenticity' },
      { text: '假一赔五', category: 'compensation' },
    ]);
  });

  it('keeps an instruction inside the sentence but not one that opens it', () => {
    expect(
      promisesOf(
        '<p>卡密如提示无效，请在 24 小时内凭充值失败截图联系客服，核实后为您补卡。</p>' +
          '<p>确认无误后请联系客服，卡密确有问题的，我们将在12小时内为您补发。</p>',
      ),
    ).toEqual([
      {
        text: '卡密如提示无效，请在 24 小时内凭充值失败截图联系客服，核实后为您补卡',
        category: 'after-sales',
      },
      { text: '卡密确有问题的，我们将在12小时内为您补发', category: 'after-sales' },
    ]);
  });

  it('does not read a footer tagline after the site name as a promise', () => {
    expect(
      promisesOf('<div class="foot">云栖发卡 · 正品卡密自动发货<br>浙ICP备2026039142号-2</div>'),
    ).toEqual([]);
  });

  it('takes a topic before the comma with the commitment after it', () => {
    expect(
      promisesOf(
        '<ol><li>3.2 自动发货类商品，本站在买家付款后即时发放兑换码。</li></ol>',
        '服务协议',
      ),
    ).toEqual([{ text: '自动发货类商品，本站在买家付款后即时发放兑换码', category: 'delivery' }]);
  });
});

describe('promises: privacy undertakings', () => {
  it('are category other, even when they name what the data is used for', () => {
    expect(
      promisesOf(
        '<ul><li>买家联系方式仅用于发货与售后，不会提供给任何第三方。</li>' +
          '<li>订单信息不向任何第三方泄露</li>' +
          '<li>本平台不会向任何第三方出售用户的手机号、邮箱等个人信息。</li></ul>',
        '隐私政策',
      ),
    ).toEqual([
      { text: '买家联系方式仅用于发货与售后，不会提供给任何第三方', category: 'other' },
      { text: '订单信息不向任何第三方泄露', category: 'other' },
      { text: '本平台不会向任何第三方出售用户的手机号、邮箱等个人信息', category: 'other' },
    ]);
  });

  it('do not take in a delay caused by a third party', () => {
    expect(promisesOf('<p>因第三方支付通道故障导致的发货延迟，本站不承担责任。</p>')).toEqual([]);
  });
});

describe('promises: what is not a promise', () => {
  it('leaves out a strip of badges, with or without icons', () => {
    expect(
      promisesOf(
        '<div class="tags"><div>⚡ 自动发货</div><div>✔ 官方正品</div><div>♻ 售后无忧</div><div>🛡 假一赔五</div></div>' +
          '<div class="badges"><span>八年老店</span><span>官方授权</span><span>7×24小时自动发货</span></div>' +
          '<p>适用于国服账号 · 电子卡密 · 自动发货</p>',
        '商品详情',
      ),
    ).toEqual([]);
  });

  it('keeps a strip of specific commitments', () => {
    expect(
      promisesOf(
        '<footer><div class="f-promise"><span>24小时自动发货</span><span>假一赔十</span>' +
          '<span>不到账全额退款</span></div></footer>',
        '首页',
      ).map((p) => p.text),
    ).toEqual(['24小时自动发货', '假一赔十', '不到账全额退款']);
  });

  it('leaves out process steps, exclusion items and caps on liability', () => {
    expect(
      promisesOf(
        '<h2>售后流程</h2><ol><li>提交售后工单</li><li>客服核实订单</li><li>售后完成</li></ol>' +
          '<h2>以下情况不在售后范围内</h2><ul><li>超过7天售后期限的订单。</li></ul>' +
          '<p>5.2 同一用户因同一事由获得的赔付累计不超过人民币3000元。</p>',
        '售后保障',
      ),
    ).toEqual([]);
  });

  it('leaves out an order page’s fee lines, states and notices', () => {
    expect(
      promisesOf(
        '<p><label>包赔服务：</label>已购买（找回包赔）</p>' +
          '<p><span>包赔服务费</span><span>¥38.00</span></p>' +
          '<div class="alert">该订单已申请退款，退款处理期间卡密不会发放，请勿重复下单。</div>',
        '订单详情',
      ),
    ).toEqual([]);
  });

  it('leaves out slogans, taglines and titles', () => {
    expect(
      promisesOf(
        '<header><span class="logo">正版游戏数字商店</span></header>' +
          '<h1>全网低价 · 秒到账 · 7×24小时营业</h1>' +
          '<p>影音会员 / 游戏点卡 / 礼品卡，7×24 小时自助购买</p>' +
          '<div class="t">Apple Store 充值卡 500元 电子卡密 秒发</div>',
        '首页',
      ),
    ).toEqual([]);
  });

  it('leaves out how a refund travels when it promises no time', () => {
    expect(
      promisesOf('<p>退款均按原支付路径返还。退款审核通过后2个工作日内原路退回。</p>', '帮助'),
    ).toEqual([{ text: '退款审核通过后2个工作日内原路退回', category: 'refund' }]);
  });
});

describe('promises: categories', () => {
  it('files a remedy offered before a refund under after-sales', () => {
    expect(promisesOf('<p>卡密无效、面值不符的，经核实后予以补发或退款。</p>')).toEqual([
      { text: '卡密无效、面值不符的，经核实后予以补发或退款', category: 'after-sales' },
    ]);
  });

  it('files a round-the-clock promise by what it promises', () => {
    expect(promisesOf('<p>平台提供7×24小时在线客服。</p>')).toEqual([
      { text: '平台提供7×24小时在线客服', category: 'after-sales' },
    ]);
  });
});

describe('promises: titles, tables and listings', () => {
  it('reads the commitment after a promise title and its colon', () => {
    expect(
      promisesOf(
        '<ul><li><b>极速发货</b>：下单后系统自动发卡，节假日照常发货</li>' +
          '<li><b>假一赔三</b>：售出盗卡按实付金额三倍赔偿</li>' +
          '<li><b>退款方式</b>：原路退回</li></ul>',
        '首页',
      ),
    ).toEqual([
      { text: '下单后系统自动发卡，节假日照常发货', category: 'delivery' },
      { text: '售出盗卡按实付金额三倍赔偿', category: 'compensation' },
    ]);
  });

  it('takes a remedy column but not the intro, the name column or the notes', () => {
    expect(
      promisesOf(
        '<p>为维护顾客权益，本店退换规则如下：</p>' +
          '<table><tr><th>套餐名称</th><th>处理方式</th></tr>' +
          '<tr><td>半年包赔</td><td>人工核查后重新发货</td></tr>' +
          '<tr><td>终身包赔</td><td>按实付金额两倍赔付</td></tr></table>' +
          '<ol><li>申请退款请通过在线工单提交订单号。</li></ol>',
        '售后规则',
      ),
    ).toEqual([
      { text: '人工核查后重新发货', category: 'after-sales' },
      { text: '按实付金额两倍赔付', category: 'compensation' },
    ]);
  });

  it('keeps a same-kind clause opened by a connective with the promise before it', () => {
    expect(
      promisesOf('<p>全部商品自动发货，支付完成后卡号显示在订单页，同时发送到您的邮箱。</p>'),
    ).toEqual([
      {
        text: '全部商品自动发货，支付完成后卡号显示在订单页，同时发送到您的邮箱',
        category: 'delivery',
      },
    ]);
  });

  it('files a conditioned promise by its consequence, conditions and all', () => {
    expect(
      promisesOf(
        '<p>已开通包赔的账户，成交后被找回的，平台按成交价全额赔付。</p>' +
          '<p>包赔期内账户被找回的，售后专员在12小时内受理。</p>',
      ),
    ).toEqual([
      {
        text: '已开通包赔的账户，成交后被找回的，平台按成交价全额赔付',
        category: 'compensation',
      },
      { text: '包赔期内账户被找回的，售后专员在12小时内受理', category: 'after-sales' },
    ]);
  });

  it('leaves out states, reviews, reset links and the cards of a product grid', () => {
    expect(
      promisesOf(
        '<div>订单已完成，售后保障中</div><div><span>极速退款</span><span>已开通</span></div>' +
          '<div class="cmt"><p>秒到账，第三次来买了</p></div>' +
          '<p>1. 验证链接将发送到您的邮箱，链接10分钟内有效。</p>' +
          '<div class="list">' +
          '<div class="item"><div>点卡 50元 CDK 官方正品</div><div class="tag"><span>秒发</span><span>假一赔十</span></div><span>¥49.50</span></div>' +
          '<div class="item"><div>点卡 100元</div><div class="tag"><span>秒发</span></div><span>¥98.00</span></div>' +
          '</div>',
        '搜索',
      ),
    ).toEqual([]);
  });
});

describe('promises: chat bubbles, headings, state notices and taglines', () => {
  it('reads no promise off a chat bubble or a chat window header', () => {
    expect(
      promisesOf(
        '<p>所有卡密均为官方正品。</p>' +
          '<div class="kf"><div class="head"><span>客服 小林</span><span>● 在线</span><span>— ×</span></div>' +
          '<div class="row"><div class="who">小林 10:02:11</div><div class="bubble">收到，我这边帮您核实，核实后给您补发</div></div>' +
          '<div class="row"><div class="t">小林 10:03</div><div class="c">超时未发货的话可以全额退款</div></div></div>',
        '客服',
      ),
    ).toEqual([{ text: '所有卡密均为官方正品', category: 'authenticity' }]);
  });

  it('leaves out an unpaid order notice, an intro, an operator line and topic headings', () => {
    expect(
      promisesOf(
        '<div class="empty">订单尚未支付，支付完成后系统将自动发货</div>' +
          '<p>为维护用户权益，规范退款流程，本站制定本规则。</p>' +
          '<p>本站由某某网络科技有限公司运营，为商家提供虚拟商品自动发货服务。</p>' +
          '<h2>第二条　结算与退款</h2><h2>三、赔付承诺</h2><h2>售后及投诉</h2>' +
          '<p>缺货订单全额退款。</p>',
        '规则',
      ),
    ).toEqual([{ text: '缺货订单全额退款', category: 'refund' }]);
  });

  it('does not take the site name and its slogan for a promise', () => {
    expect(
      promisesOf(
        '<div class="logo">月光数卡<small>自动发货 · 秒到账</small></div>',
        '月光数卡 - 首页',
      ),
    ).toEqual([]);
  });

  it('keeps where the refund goes with the refund, and reads a titled line after its title', () => {
    expect(
      promisesOf(
        '<p>未发货订单可随时申请退款，款项原路返回。</p>' +
          '<ul><li><b>缺货速退</b>：库存不足无法发货的，货款自动原路退回</li></ul>',
      ),
    ).toEqual([
      { text: '未发货订单可随时申请退款，款项原路返回', category: 'refund' },
      { text: '库存不足无法发货的，货款自动原路退回', category: 'refund' },
    ]);
  });

  it('keeps how fast or how sure with the promise it qualifies', () => {
    expect(
      promisesOf(
        '<p>付款后系统自动发卡，平均5秒到账。</p><p>所售兑换码均由品牌方授权渠道采购，保证正品。</p>',
      ),
    ).toEqual([
      { text: '付款后系统自动发卡，平均5秒到账', category: 'delivery' },
      { text: '所售兑换码均由品牌方授权渠道采购，保证正品', category: 'authenticity' },
    ]);
  });
});

describe('promises: tails, titles, records and conversations', () => {
  it('keeps when and where a refund arrives, and what is done alongside, with the promise', () => {
    expect(
      promisesOf(
        '<ul><li>库存不足的，全额退款，2个工作日内原路到账</li>' +
          '<li>未发货订单可申请退款，退款1-2个工作日原路退回</li>' +
          '<li>付款后自动发卡，卡密显示在页面并同时发送到邮箱</li></ul>',
      ),
    ).toEqual([
      { text: '库存不足的，全额退款，2个工作日内原路到账', category: 'refund' },
      { text: '未发货订单可申请退款，退款1-2个工作日原路退回', category: 'refund' },
      { text: '付款后自动发卡，卡密显示在页面并同时发送到邮箱', category: 'delivery' },
    ]);
  });

  it('keeps one commitment of one kind the site makes across clauses', () => {
    expect(promisesOf('<p>一、本店卡密类商品付款后秒发，代充类商品1小时内到账。</p>')).toEqual([
      { text: '本店卡密类商品付款后秒发，代充类商品1小时内到账', category: 'delivery' },
    ]);
  });

  it('reads a pay-out as compensation', () => {
    expect(promisesOf('<p>超过12小时未发货的，按订单金额的5%补偿至余额。</p>')).toEqual([
      { text: '超过12小时未发货的，按订单金额的5%补偿至余额', category: 'compensation' },
    ]);
  });

  it('takes no promise from an article title, its intro or a stats line', () => {
    expect(
      promisesOf(
        '<h1>关于售后保障的说明</h1><p>近期有用户咨询售后规则，现将保障说明如下：</p>' +
          '<div>已售 320　库存 12　发货方式：自动发货</div><p>缺货订单全额退款。</p>',
      ),
    ).toEqual([{ text: '缺货订单全额退款', category: 'refund' }]);
  });

  it("takes no promise from a record's field or an order's status hint", () => {
    expect(
      promisesOf(
        '<div><span>订单号</span><span>AB2611270000123456</span></div>' +
          '<div class="st"><b>处理中</b><p>代充商品一般 5-30 分钟到账，请耐心等待</p></div>' +
          '<table><tr><th>退款去向</th><td>原路退回微信</td></tr></table>',
        '订单详情',
      ),
    ).toEqual([]);
  });

  it('takes no promise from an exported conversation', () => {
    expect(
      promisesOf(
        '<div class="l"><span>2026-11-20 10:02:37 小明(123456789)</span></div>' +
          '<div class="b">卡密无效，麻烦退款</div>' +
          '<div class="l"><span>2026-11-20 10:05:00 店家(987654321)</span></div>' +
          '<div class="b">核实后给您补发</div>',
        '消息记录',
      ),
    ).toEqual([]);
  });
});

describe('promises: tails, titles and notices', () => {
  it('keeps when and where a delivery happens with it, and drops a 【title】', () => {
    expect(
      promisesOf(
        '<ul><li>自动发货商品付款后系统即时发卡，24小时不间断</li>' +
          '<li>代充订单一般10分钟内到账，高峰期不超过1小时</li>' +
          '<li>人工商品下单后1小时内处理，22:00后下单的于次日9:00前处理</li></ul>' +
          '<p><b>【发货说明】</b>付款后自动发送卡密，可在订单详情中查看</p>',
      ),
    ).toEqual([
      { text: '自动发货商品付款后系统即时发卡，24小时不间断', category: 'delivery' },
      { text: '代充订单一般10分钟内到账，高峰期不超过1小时', category: 'delivery' },
      {
        text: '人工商品下单后1小时内处理，22:00后下单的于次日9:00前处理',
        category: 'delivery',
      },
      { text: '付款后自动发送卡密，可在订单详情中查看', category: 'delivery' },
    ]);
  });

  it('keeps a refund offered when a remedy fails with the remedy', () => {
    expect(
      promisesOf('<ul><li>激活码无效的，核实后优先补发，无法补发的全额退款</li></ul>'),
    ).toEqual([
      { text: '激活码无效的，核实后优先补发，无法补发的全额退款', category: 'after-sales' },
    ]);
  });

  it("takes no promise from a document's title, a status notice or a button row", () => {
    expect(
      promisesOf(
        '<div><span>订单号</span><span>AB2611270000123456</span></div>' +
          '<div><span>退款中</span><span>渠道充值失败，款项将原路退回</span></div>' +
          '<h1>某某商城交易保障说明</h1>' +
          '<uni-view><uni-button>申请退款</uni-button><uni-button>催发货</uni-button></uni-view>',
        '订单详情',
      ),
    ).toEqual([]);
  });
});

describe('promises: waits as conditions, usual times and synced copies', () => {
  it('keeps a wait that has run out with the remedy after it', () => {
    expect(
      promisesOf(
        '<ul><li>代充订单超过 3 小时未处理，按订单金额的 5% 补偿至余额</li>' +
          '<li>下单 15 分钟未发货，可申请全额退款</li></ul>',
      ),
    ).toEqual([
      { text: '代充订单超过 3 小时未处理，按订单金额的 5% 补偿至余额', category: 'compensation' },
      { text: '下单 15 分钟未发货，可申请全额退款', category: 'refund' },
    ]);
  });

  it('keeps how soon a delivery usually arrives and where it is synced with it', () => {
    expect(
      promisesOf(
        '<ul><li>兑换码付款后自动发货，通常 2 分钟内到账</li>' +
          '<li>付款后自动发卡，卡密展示在订单页面并同步发送到下单邮箱</li></ul>',
      ),
    ).toEqual([
      { text: '兑换码付款后自动发货，通常 2 分钟内到账', category: 'delivery' },
      {
        text: '付款后自动发卡，卡密展示在订单页面并同步发送到下单邮箱',
        category: 'delivery',
      },
    ]);
  });
});

describe('promises: rules from the twenty-second and twenty-third blind corpora', () => {
  it('reads goods bought from official channels as authenticity, and 交付 as delivery', () => {
    expect(
      promisesOf(
        '<p>所有点卡均从官方及一级代理商进货，假一赔五。</p>' +
          '<p>本店所有密钥均为官方零售渠道获取，保证可正常激活。</p>' +
          '<p>买家付款后 15 分钟内交付账号及密码，超时未交付可一键取消订单并全额退款。</p>',
      ),
    ).toEqual([
      { text: '所有点卡均从官方及一级代理商进货，假一赔五', category: 'authenticity' },
      { text: '本店所有密钥均为官方零售渠道获取，保证可正常激活', category: 'authenticity' },
      {
        text: '买家付款后 15 分钟内交付账号及密码，超时未交付可一键取消订单并全额退款',
        category: 'delivery',
      },
    ]);
  });

  it('reads goods sent late when stock runs out as delivery, and a coupon paid out as compensation', () => {
    expect(
      promisesOf(
        '<p>如遇库存不足，客服将在 2 小时内手动补发，超时未补发的可申请全额退款。</p>' +
          '<p>超时未到账的订单，每超时 1 小时赔付 5 元无门槛优惠券。</p>',
      ),
    ).toEqual([
      {
        text: '如遇库存不足，客服将在 2 小时内手动补发，超时未补发的可申请全额退款',
        category: 'delivery',
      },
      { text: '超时未到账的订单，每超时 1 小时赔付 5 元无门槛优惠券', category: 'compensation' },
    ]);
  });

  it('does not read a priced fee or a delivery already made as a promise', () => {
    expect(promisesOf('<p>包赔服务费(3个月)：¥20.00</p><p>密钥已自动发放</p>', '订单详情')).toEqual(
      [],
    );
  });
});

describe('promises: rules from the twenty-fourth and twenty-fifth blind corpora', () => {
  it('leaves out notices, options, a shop’s bar, states and refusals', () => {
    expect(
      promisesOf(
        '<div class="gg"><em>公告</em><div class="txt">本站所有商品由主站直供、自动发货</div></div>' +
          '<p>补发 / 退款</p>' +
          '<div class="shop">青柚发卡 自动发货 进店 ›</div>' +
          '<p>已开通找回包赔(1年)</p>' +
          '<p>售后申请已提交，等待商家处理</p>' +
          '<p>因买家自身原因造成的损失，平台及商户不承担赔付责任。</p>' +
          '<p>卡密无效的，可在订单完成后24小时内通过“订单投诉”提交证据。</p>',
        '订单详情',
      ),
    ).toEqual([]);
  });

  it('takes the kind of what is promised, not of a condition that names a delivery', () => {
    expect(
      promisesOf('<p>付款后超过 24 小时未发货的，可申请取消订单，货款全额原路退回。</p>'),
    ).toEqual([
      { text: '付款后超过 24 小时未发货的，可申请取消订单，货款全额原路退回', category: 'refund' },
    ]);
  });

  it('reads a long condition with its consequence', () => {
    expect(
      promisesOf(
        '<p class="art"><b>第六条</b>会员收到卡密后 24 小时内发现卡密无效或已被使用的，可通过工单提交，平台核实后 12 小时内补发新卡或退回账户余额。</p>',
        '交易保障协议',
      ),
    ).toEqual([
      {
        text: '会员收到卡密后 24 小时内发现卡密无效或已被使用的，可通过工单提交，平台核实后 12 小时内补发新卡或退回账户余额',
        category: 'after-sales',
      },
    ]);
  });
});

describe('promises: rules from the twenty-fifth to twenty-seventh blind corpora', () => {
  it('reads past a list number in its own span, and a description leading the sentence', () => {
    expect(
      promisesOf(
        '<ul><li><span class="no">5</span>如无法补发，将全额退款至原支付账户。</li>' +
          '<li><span class="no">6</span>本商品为运营商官方直充，付款后系统自动提交充值，一般 10 分钟至 2 小时内到账。</li></ul>',
      ),
    ).toEqual([
      { text: '如无法补发，将全额退款至原支付账户', category: 'refund' },
      {
        text: '本商品为运营商官方直充，付款后系统自动提交充值，一般 10 分钟至 2 小时内到账',
        category: 'delivery',
      },
    ]);
  });

  it('keeps "1 小时" whole, and reads an answer within hours about after-sales as after-sales', () => {
    expect(
      promisesOf(
        '<dl><dt>客服什么时候在线？</dt><dd>客服在线时间为 9:00-23:00。在线时间内提交的售后申请，1 小时内给出处理结果。</dd></dl>',
      ),
    ).toEqual([
      { text: '在线时间内提交的售后申请，1 小时内给出处理结果', category: 'after-sales' },
    ]);
  });

  it('leaves out a dotted strip of selling points that holds a bare slogan', () => {
    expect(promisesOf('<p>官方授权渠道 · 自动发货 · 7×24 小时客服</p>', '首页')).toEqual([]);
  });

  it('quotes a list joined by 、 whole', () => {
    expect(promisesOf('<p>独享账号在质保期内出现掉会员、被找回的，免费更换新账号。</p>')).toEqual([
      { text: '独享账号在质保期内出现掉会员、被找回的，免费更换新账号', category: 'after-sales' },
    ]);
  });
});

describe('promises: rules from the twenty-eighth and twenty-ninth blind corpora', () => {
  it('quotes an instruction leading its consequence, and a condition opened by 提交…后', () => {
    expect(
      promisesOf(
        '<p>到账异常请联系在线客服，客服 30 分钟内响应处理。</p>' +
          '<p>提交售后后，客服 2 小时内处理完毕（23:00 后提交的次日 10:00 前处理）。</p>' +
          '<p>缺货、发卡失败或无法补发的订单，全额退款到原支付账户。</p>',
      ),
    ).toEqual([
      { text: '到账异常请联系在线客服，客服 30 分钟内响应处理', category: 'after-sales' },
      {
        text: '提交售后后，客服 2 小时内处理完毕（23:00 后提交的次日 10:00 前处理）',
        category: 'after-sales',
      },
      { text: '缺货、发卡失败或无法补发的订单，全额退款到原支付账户', category: 'refund' },
    ]);
  });

  it('reads an exclusive account as authenticity, and leaves out titles, waits and timeline steps', () => {
    expect(
      promisesOf(
        '<p>所有独享账号均为一人一号，保证独享，不与他人共用。</p>' +
          '<div class="sec-t">热门游戏直充<small>官方渠道 · 自动到账</small></div>' +
          '<p>双十二期间咨询量较大，客服回复可能稍慢，请耐心等待。</p>' +
          '<p>您已于 2026-12-10 15:02:17 提交退款申请，等待商家审核</p>' +
          '<div class="step">申请退款 12-10 15:02</div>',
        '首页',
      ),
    ).toEqual([
      { text: '所有独享账号均为一人一号，保证独享，不与他人共用', category: 'authenticity' },
    ]);
  });
});

describe('promises: rules from the thirtieth and thirty-first blind corpora', () => {
  it('leaves out reviews under a masked name, refusals, log lines, strips and the shop’s tag', () => {
    expect(
      promisesOf(
        '<div class="rv"><div class="u">m***n · 2026-11-30</div>客服回复有点慢，不过充上了</div>' +
          '<p>已绑定、已使用或超过 72 小时未反馈的卡券，不再受理售后。</p>' +
          '<p>2026-12-13 11:02买家申请售后：卡内余额为 0，疑似已被他人使用</p>' +
          '<span>正版软件授权 · 自动发货 · 客服时间 09:00-22:00</span>' +
          '<div class="shopline">柚子卡铺<span class="tag">自动发卡</span></div>',
        '订单详情 - 柚子卡铺',
      ),
    ).toEqual([]);
  });

  it('reads goods bought from authorised agents as authenticity', () => {
    expect(promisesOf('<p>所有充值卡均从运营商授权代理商处采购，保证全新未充值。</p>')).toEqual([
      { text: '所有充值卡均从运营商授权代理商处采购，保证全新未充值', category: 'authenticity' },
    ]);
  });

  it('reads a latest time for delivery as delivery', () => {
    expect(promisesOf('<ul><li>系统繁忙时发卡最迟不超过 30 分钟。</li></ul>')).toEqual([
      { text: '系统繁忙时发卡最迟不超过 30 分钟', category: 'delivery' },
    ]);
  });

  it('reads a numbered rule whose number is drawn on a line of its own', () => {
    expect(
      promisesOf(
        '<ul><li><span class="no" style="display:block">1</span>本商品为自动发货，付款成功后卡密立即显示在订单详情页。</li></ul>',
      ),
    ).toEqual([
      { text: '本商品为自动发货，付款成功后卡密立即显示在订单详情页', category: 'delivery' },
    ]);
  });
});
