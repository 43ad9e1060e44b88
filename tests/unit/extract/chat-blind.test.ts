// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findChat } from '@/lib/extract/chat';

// 2026-11-21 15:20 in Shanghai.
const capturedAt = '2026-11-21T07:20:00.000Z';

function doc(body: string, title = '在线客服'): Document {
  const d = document.implementation.createHTMLDocument(title);
  // happy-dom leaves the title of a created document empty; the title is a chat cue.
  d.title = title;
  d.body.innerHTML = body;
  return d;
}

/** Lays every `.card` out across the whole width of `.list`, as a ticket's replies are. */
function fullWidth(d: Document): void {
  const box = { left: 0, right: 800, width: 800, top: 0, bottom: 20, height: 20, x: 0, y: 0 };
  for (const el of Array.from(d.querySelectorAll<HTMLElement>('.list, .list p'))) {
    el.getBoundingClientRect = () => box as DOMRect;
  }
}

describe('findChat on headers, notices and pictures', () => {
  it('splits a "name · date time" header into the sender and a dated time', () => {
    const d = doc(`<div class="conv">
      <div class="row kf"><div class="who">七七 · 11月19日 16:20</div><div class="b">您好</div></div>
      <div class="row user"><div class="who">11月19日 16:21</div><div class="b">卡密无效</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'merchant', name: '七七', at: '2026-11-19T16:20:00+08:00', text: '您好' },
      { from: 'customer', at: '2026-11-19T16:21:00+08:00', text: '卡密无效' },
    ]);
  });

  it('reads the time at the start of a system line as its time, not its text', () => {
    const d = doc(`<div class="conv">
      <div class="notice">11月19日 16:20 客服 七七 为您服务</div>
      <div class="row kf"><div class="who">七七 16:20</div><div class="b">您好</div></div>
      <div class="row user"><div class="who">16:21</div><div class="b">在吗</div></div>
      <div class="sys"><span>今天 10:45 本次会话已结束</span></div>
    </div>`);
    const messages = findChat(d, capturedAt)?.messages;
    expect(messages?.[0]).toEqual({
      from: 'system',
      at: '2026-11-19T16:20:00+08:00',
      text: '客服 七七 为您服务',
    });
    expect(messages?.[3]).toEqual({
      from: 'system',
      at: '2026-11-21T10:45:00+08:00',
      text: '本次会话已结束',
    });
  });

  it('leaves the time a sender writes at the start of a message in the text', () => {
    const d = doc(`<div class="chat">
      <div class="msg left"><span class="time">14:00</span><p>您好</p></div>
      <div class="msg right"><p>11-20 14:00 下的单还没到</p></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages[1]).toEqual({
      from: 'customer',
      text: '11-20 14:00 下的单还没到',
    });
  });

  it('drops pictures without alt text and keeps the text sent with one', () => {
    const img = '<img src="data:," alt="" width="160" height="220">';
    const d = doc(`<div class="conv">
      <div class="row kf"><div class="who">七七 16:20</div><div class="b">按下图操作</div></div>
      <div class="row kf"><div class="who">七七 16:21</div><div class="b pic">${img}</div></div>
      <div class="row user"><div class="who">16:30</div><div class="b">还是不行${img}</div></div>
      <div class="row user"><div class="who">16:31</div><div class="b pic"><img src="data:," alt="截图:已兑换" width="160"></div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.text, m.image])).toEqual([
      ['merchant', '按下图操作', undefined],
      ['customer', '还是不行', undefined],
      ['customer', '截图:已兑换', true],
    ]);
  });

  it('takes an avatar alt of 我 / 客服 as the side, not as the message', () => {
    const d = doc(`<div class="kf-body">
      <div class="msg"><img alt="我" src="data:,"><div class="ct"><div class="meta">昨天 21:47</div><div class="bubble">Q币没到账</div></div></div>
      <div class="msg"><img alt="客服" src="data:,"><div class="ct"><div class="meta">小橙 昨天 21:48</div><div class="bubble">请提供订单号</div></div></div>
      <div class="msg"><img alt="我" src="data:,"><div class="ct"><div class="meta">昨天 21:49</div><div class="bubble">DD2026112021</div></div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-20T21:47:00+08:00', text: 'Q币没到账' },
      { from: 'merchant', name: '小橙', at: '2026-11-20T21:48:00+08:00', text: '请提供订单号' },
      { from: 'customer', at: '2026-11-20T21:49:00+08:00', text: 'DD2026112021' },
    ]);
  });
});

describe('findChat on tickets and exports', () => {
  const ticket = `<div class="w">
    <div class="crumb">用户中心 / 我的工单 / 工单详情</div>
    <div class="ticket"><h1>卡密提示已使用</h1><span>工单编号：TK2611170042</span></div>
    <div class="reply"><div class="rh"><span class="role">用户</span>lin0428<span class="t">2026-11-17 08:52:10</span></div><div class="rb">卡密已被使用</div></div>
    <div class="reply staff"><div class="rh"><span class="role">客服</span>阿月<span class="t">2026-11-17 09:40:33</span></div><div class="rb">请提供截图</div></div>
    <div class="reply"><div class="rh"><span class="role">用户</span>lin0428<span class="t">2026-11-17 09:46:05</span></div><div class="rb">已上传</div></div>
    <div class="log">2026-11-17 11:05:00 工单状态已变更为：已解决</div>
    <div class="form"><textarea></textarea><p>工单关闭后将无法继续回复。</p></div>
  </div>`;

  it('reads a ticket thread: role badges, a status log, no heading card or form', () => {
    const chat = findChat(doc(ticket, '工单详情 - 小熊卡盟'), capturedAt);
    expect(chat?.messages).toEqual([
      { from: 'customer', name: 'lin0428', at: '2026-11-17T08:52:10+08:00', text: '卡密已被使用' },
      { from: 'merchant', name: '阿月', at: '2026-11-17T09:40:33+08:00', text: '请提供截图' },
      { from: 'customer', name: 'lin0428', at: '2026-11-17T09:46:05+08:00', text: '已上传' },
      { from: 'system', at: '2026-11-17T11:05:00+08:00', text: '工单状态已变更为：已解决' },
    ]);
  });

  it('takes no side from the layout of full-width cards', () => {
    const d = doc(`<div class="list chat">
      <div class="card"><span>我</span><span>14:01</span><p>在吗</p></div>
      <div class="card"><span>客服 小美</span><span>14:02</span><p>在的</p></div>
      <div class="card"><span>我</span><span>14:03</span><p>卡密无效</p></div>
    </div>`);
    fullWidth(d);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.from)).toEqual([
      'customer',
      'merchant',
      'customer',
    ]);
  });

  it('skips the "=====" rules of an exported log', () => {
    const rule = '='.repeat(40);
    const d = doc(`<pre>消息记录
${rule}
消息对象:星辰卡盟-售后小雨
${rule}

2026-11-18 14:03:22 林小北
你好，年卡兑换不了

2026-11-18 14:05:47 星辰卡盟-售后小雨
麻烦发一下订单号

2026-11-18 14:06:30 林小北
XC20261117220518764
</pre>`);
    const messages = findChat(d, capturedAt)?.messages;
    expect(messages?.map((m) => [m.from, m.name, m.text])).toEqual([
      ['customer', '林小北', '你好，年卡兑换不了'],
      ['merchant', '星辰卡盟-售后小雨', '麻烦发一下订单号'],
      ['customer', '林小北', 'XC20261117220518764'],
    ]);
  });
});

describe('findChat on dividers, logs and forum threads', () => {
  it('dates each bubble by the divider above it and reads a recall notice as system', () => {
    const d = doc(`<div class="msgs">
      <div class="time"><span>星期五 21:36</span></div>
      <div class="row me"><div class="bubble">在吗</div></div>
      <div class="row other"><div class="bubble">在的</div></div>
      <div class="time"><span>昨天 22:41</span></div>
      <div class="sys">对方撤回了一条消息</div>
      <div class="row me"><div class="bubble">我要退款</div></div>
      <div class="time"><span>09:58</span></div>
      <div class="row other"><div class="bubble">已提交</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-20T21:36:00+08:00', text: '在吗' },
      { from: 'merchant', at: '2026-11-20T21:36:00+08:00', text: '在的' },
      { from: 'system', at: '2026-11-20T22:41:00+08:00', text: '对方撤回了一条消息' },
      { from: 'customer', at: '2026-11-20T22:41:00+08:00', text: '我要退款' },
      { from: 'merchant', at: '2026-11-21T09:58:00+08:00', text: '已提交' },
    ]);
  });

  it('reads a read-only log: date headers date the bracketed times, role words give sides', () => {
    const d = doc(
      `<h2>工单详情</h2><textarea readonly>—— 2026-11-19 ——
[13:02:11] 我：卡密提示已失效
[13:03:40] 客服 阿杰：麻烦提供订单号
[13:10:30] 系统：客服已补发卡密
—— 2026-11-20 ——
[09:15:08] 我：还是不行
[09:40:26] 客服 小雨：今天给您退款</textarea><textarea placeholder="补充说明"></textarea>`,
      '工单详情',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-19T13:02:11+08:00', text: '卡密提示已失效' },
      { from: 'merchant', name: '阿杰', at: '2026-11-19T13:03:40+08:00', text: '麻烦提供订单号' },
      { from: 'system', at: '2026-11-19T13:10:30+08:00', text: '客服已补发卡密' },
      { from: 'customer', at: '2026-11-20T09:15:08+08:00', text: '还是不行' },
      { from: 'merchant', name: '小雨', at: '2026-11-20T09:40:26+08:00', text: '今天给您退款' },
    ]);
  });

  const post = (who: string, badge: string, when: string, body: string, extra = '') =>
    `<table class="p"><tr>
      <td class="side"><div class="authi"><a href="/space-uid-1.html">${who}</a></div><div class="info">注册会员 帖子 37</div></td>
      <td><div class="pi"><span>${badge}</span>发表于 ${when}</div><div class="t_f">${body}</div>${extra}
      <div class="po"><a href="#">回复</a><a href="#">举报</a></div></td>
    </tr></table>`;

  it('reads a forum thread: the starter is the customer, the shop marked so the merchant', () => {
    const sign = '<div class="sign">—— 理性消费</div>';
    const d = doc(
      `<div class="wp">
        <h1>【投诉】充值码被锁区</h1>
        ${post('麦浪', '楼主', '2026-11-18 20:06', '充值码提示锁区，客服不退款。', sign)}
        ${post('路人甲', '沙发', '2026-11-18 21:00', '同遇到过')}
        ${post('某某卡盟', '商家回复', '昨天 16:05', '已核实，为您退款。')}
        ${post('麦浪', '楼主', '今天 08:31', '收到了。', `<div class="pstatus">本帖最后由 麦浪 于 2026-11-21 08:40 编辑</div>${sign}`)}
        <div class="fastpost"><b>快速回复</b><textarea></textarea></div>
      </div>`,
      '投诉维权 - 卡友之家',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      {
        from: 'customer',
        name: '麦浪',
        at: '2026-11-18T20:06:00+08:00',
        text: '充值码提示锁区，客服不退款。',
      },
      { from: 'customer', name: '路人甲', at: '2026-11-18T21:00:00+08:00', text: '同遇到过' },
      {
        from: 'merchant',
        name: '某某卡盟',
        at: '2026-11-20T16:05:00+08:00',
        text: '已核实，为您退款。',
      },
      { from: 'customer', name: '麦浪', at: '2026-11-21T08:31:00+08:00', text: '收到了。' },
    ]);
  });

  it('takes the one other poster of an unmarked two-person thread as the shop', () => {
    const d = doc(
      `<div class="wp">
        ${post('麦浪', '1#', '2026-11-18 20:06', '卡密无效')}
        ${post('星辰小店', '2#', '2026-11-18 21:00', '已补发')}
        ${post('麦浪', '3#', '2026-11-18 21:30', '收到')}
      </div>`,
      '帖子',
    );
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.name])).toEqual([
      ['customer', '麦浪'],
      ['merchant', '星辰小店'],
      ['customer', '麦浪'],
    ]);
  });
});

describe('findChat on export tables, 留言 boards and widget notices', () => {
  it('reads an exported table: 系统 in the sender column is no name, cell places no side', () => {
    const d = doc(
      `<table class="log"><thead><tr><th>时间</th><th>发送人</th><th>内容</th></tr></thead><tbody>
        <tr class="r-sys"><td>2026-11-19 16:22:31</td><td>系统</td><td>客服 小雨 已接入</td></tr>
        <tr class="r-buyer"><td>2026-11-19 16:22:45</td><td>luoye</td><td>账号被锁定了</td></tr>
        <tr class="r-agent"><td>2026-11-19 16:24:02</td><td>小雨</td><td>请发一下订单号</td></tr>
      </tbody></table>`,
      '会话记录导出',
    );
    // Laid out as a table: the 内容 column sits on the right of every row.
    const wide = { left: 0, right: 800, width: 800, top: 0, bottom: 20, height: 20, x: 0, y: 0 };
    const cell = { ...wide, left: 400, width: 400, x: 400 };
    for (const el of Array.from(d.querySelectorAll<HTMLElement>('tbody, tr'))) {
      el.getBoundingClientRect = () => wide as DOMRect;
    }
    for (const el of Array.from(d.querySelectorAll<HTMLElement>('td:last-child'))) {
      el.getBoundingClientRect = () => cell as DOMRect;
    }
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'system', at: '2026-11-19T16:22:31+08:00', text: '客服 小雨 已接入' },
      { from: 'customer', name: 'luoye', at: '2026-11-19T16:22:45+08:00', text: '账号被锁定了' },
      { from: 'merchant', name: '小雨', at: '2026-11-19T16:24:02+08:00', text: '请发一下订单号' },
    ]);
  });

  it('splits a 留言 board into each 留言 and the 商家回复 nested in it', () => {
    const entry = (when: string, body: string, reply: string) =>
      `<div class="msg-item">
        <div class="msg-head"><b>我的留言</b><time>${when}</time><span class="tag">${reply ? '已回复' : '待回复'}</span></div>
        <div class="msg-body">${body}</div>
        ${reply || '<div class="reply pending">等待商家回复…</div>'}
      </div>`;
    const d = doc(
      `<div class="box"><h2>留言记录</h2>
        ${entry('2026-11-17 13:26', '只收到一个兑换码', '<div class="reply"><div class="reply-head"><b>商家回复</b><time>2026-11-17 15:02</time></div><div class="reply-body">已补发</div></div>')}
        ${entry('2026-11-18 09:41', '退款收到了', '')}
      </div>`,
      '订单留言',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-17T13:26:00+08:00', text: '只收到一个兑换码' },
      { from: 'merchant', at: '2026-11-17T15:02:00+08:00', text: '已补发' },
      { from: 'customer', at: '2026-11-18T09:41:00+08:00', text: '退款收到了' },
    ]);
  });

  it('keeps a quoted message inside the message that quotes it', () => {
    const d = doc(`<div class="chat">
      <div class="msg left"><div class="meta">阿杰 14:03</div><p>已补发</p></div>
      <div class="msg right"><div class="meta">我 14:05</div><div class="quote"><span>阿杰 14:03</span><p>已补发</p></div><p>还是不行</p></div>
    </div>`);
    const messages = findChat(d, capturedAt)?.messages;
    expect(messages).toHaveLength(2);
    expect(messages?.[1]?.from).toBe('customer');
    expect(messages?.[1]?.text).toContain('还是不行');
  });

  it('reads a time element run into a system line as the time, not the text', () => {
    const d = doc(`<div class="udesk-messages">
      <div class="udesk-system"><span><span class="udesk-time">14:58</span>客服 阿杰 已接入会话</span></div>
      <div class="udesk-message udesk-customer"><div class="meta"><span class="t">14:58</span></div><div class="b">还没到账</div></div>
      <div class="udesk-message udesk-agent"><div class="meta"><span class="nick">阿杰</span><span class="t">14:59</span></div><div class="b">请提供订单号</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'system', at: '2026-11-21T14:58:00+08:00', text: '客服 阿杰 已接入会话' },
      { from: 'customer', at: '2026-11-21T14:58:00+08:00', text: '还没到账' },
      { from: 'merchant', name: '阿杰', at: '2026-11-21T14:59:00+08:00', text: '请提供订单号' },
    ]);
  });
});

describe('findChat on English widgets, order cards and ticket tables', () => {
  it('reads a widget labelled "Chat with …": 12-hour times, trailing times, read receipts', () => {
    const d = doc(
      `<div class="w-window" role="dialog" aria-label="Chat with 礼卡铺"><div class="w-thread">
        <div class="w-day">Today</div>
        <div class="w-event">Chat started<time>10:38 AM</time></div>
        <div class="w-msg visitor"><div class="w-bubble">兑换提示 already redeemed</div><div class="w-meta">10:39 AM · Read</div></div>
        <div class="w-msg agent"><div class="w-author">Kevin</div><div class="w-bubble">Order number please</div><div class="w-meta">2:05 PM</div></div>
      </div></div>`,
      'Gift shop',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'system', at: '2026-11-21T10:38:00+08:00', text: 'Chat started' },
      { from: 'customer', at: '2026-11-21T10:39:00+08:00', text: '兑换提示 already redeemed' },
      {
        from: 'merchant',
        name: 'Kevin',
        at: '2026-11-21T14:05:00+08:00',
        text: 'Order number please',
      },
    ]);
  });

  it('dates the bare times below a "Yesterday" heading by that day', () => {
    const d = doc(`<div class="chat">
      <div class="day">Yesterday</div>
      <div class="msg right"><span class="t">9:12 AM</span><p>still not delivered</p></div>
      <div class="msg left"><span class="t">9:15 AM</span><p>checking now</p></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.at)).toEqual([
      '2026-11-20T09:12:00+08:00',
      '2026-11-20T09:15:00+08:00',
    ]);
  });

  it('reads an order card as a system headline, text avatars as no name, the peer header as the shop', () => {
    const d = doc(
      `<div class="im-nav"><div class="peer">数码小铺子<small>来自广东深圳</small></div></div>
      <div class="im-list">
        <div class="im-time">11月20日 19:40</div>
        <div class="im-row me"><div class="im-av">我</div><div class="im-bubble">还有货吗</div></div>
        <div class="im-row"><div class="im-av peer-av">铺</div><div class="im-bubble">有的</div></div>
        <div class="im-time">11月20日 19:46</div>
        <div class="order-card"><div class="oc-title">买家已付款，待卖家发货</div>
          <div class="oc-goods">充值卡 500元<br><span>实付 ¥468.00</span></div><div class="oc-link">查看详情</div></div>
      </div>`,
      '数码小铺子 - 消息',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-20T19:40:00+08:00', text: '还有货吗' },
      { from: 'merchant', name: '数码小铺子', at: '2026-11-20T19:40:00+08:00', text: '有的' },
      { from: 'system', at: '2026-11-20T19:46:00+08:00', text: '买家已付款，待卖家发货' },
    ]);
  });

  it('leaves the role tag after the name out of a ticket reply table', () => {
    const d = doc(
      `<table class="replies"><thead><tr><th>回复人</th><th>回复内容</th><th>时间</th></tr></thead><tbody>
        <tr><td class="who">chenxi<span class="role">用户</span></td><td>兑换码已被使用</td><td>2026-11-20 14:02:33</td></tr>
        <tr class="sys"><td class="who">系统</td><td>工单已提交</td><td>2026-11-20 14:02:33</td></tr>
        <tr class="staff"><td class="who">阿宁<span class="role">客服</span></td><td>正在核实</td><td>2026-11-20 14:36:10</td></tr>
      </tbody></table>`,
      '工单详情',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', name: 'chenxi', at: '2026-11-20T14:02:33+08:00', text: '兑换码已被使用' },
      { from: 'system', at: '2026-11-20T14:02:33+08:00', text: '工单已提交' },
      { from: 'merchant', name: '阿宁', at: '2026-11-20T14:36:10+08:00', text: '正在核实' },
    ]);
  });

  it('reads a speaker element before a colon: the role word gives the side, the text follows', () => {
    const d = doc(
      `<ul class="history">
        <li><em>[11-20 09:01:05]</em> <b>买家 lin88</b>: 卡密充不进去</li>
        <li><em>[11-20 09:02:10]</em> 系统：售后 小周 已接入</li>
        <li><em>[11-20 09:03:40]</em> <b>售后 小周</b>：请发一下截图</li>
        <li><em>[11-20 09:05:00]</em> <b>买家 lin88</b>：好的，已发</li>
      </ul>`,
      '售后会话',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', name: 'lin88', at: '2026-11-20T09:01:05+08:00', text: '卡密充不进去' },
      { from: 'system', at: '2026-11-20T09:02:10+08:00', text: '售后 小周 已接入' },
      { from: 'merchant', name: '小周', at: '2026-11-20T09:03:40+08:00', text: '请发一下截图' },
      { from: 'customer', name: 'lin88', at: '2026-11-20T09:05:00+08:00', text: '好的，已发' },
    ]);
  });
});

describe('findChat on ticket badges, attachments, header agents and narrow widgets', () => {
  it('takes the side from a role badge beside the name and leaves badge and file chip out of the text', () => {
    const d = doc(
      `<ol class="thread">
        <li class="reply"><div class="r-body">
          <div class="r-head"><span class="r-name">Kiri_07</span><span class="role">用户</span><span class="r-time">2026年11月21日 16:20</span></div>
          <div class="r-content"><p>兑换时提示已被使用，截图见附件。</p></div>
          <div class="attach">📎 redeem_error.png（214 KB）</div>
        </div></li>
        <li class="reply"><div class="r-body">
          <div class="r-head"><span class="r-name">青禾</span><span class="role">客服</span><span class="r-time">2026年11月21日 17:05</span></div>
          <div class="r-content"><p>已收到，正在核实。</p></div>
        </div></li>
      </ol>`,
      '工单详情',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      {
        from: 'customer',
        name: 'Kiri_07',
        at: '2026-11-21T16:20:00+08:00',
        text: '兑换时提示已被使用，截图见附件。',
      },
      {
        from: 'merchant',
        name: '青禾',
        at: '2026-11-21T17:05:00+08:00',
        text: '已收到，正在核实。',
      },
    ]);
  });

  it('keeps a message that is only an attachment', () => {
    const d = doc(`<div class="msgs">
      <div class="msg user"><span class="time">16:20</span><div class="attach">redeem_error.png（214 KB）</div></div>
      <div class="msg kf"><span class="time">16:21</span><div class="bubble">收到</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.text)).toEqual([
      'redeem_error.png（214 KB）',
      '收到',
    ]);
  });

  it('gives the agent named in the window header to unnamed merchant messages', () => {
    const d = doc(`<div class="kf-window">
      <div class="kf-header"><div class="avatar"></div><div>
        <div class="agent-name">小满<span class="dot"></span></div>
        <div class="agent-sub">紫藤数卡 · 在线客服</div>
      </div></div>
      <div class="kf-body"><div class="kf-messages">
        <div class="msg visitor"><div class="time">2026-11-21 15:02:11</div><div class="bubble">还没到账</div></div>
        <div class="msg agent"><div class="time">2026-11-21 15:03:05</div><div class="bubble">请发一下订单号</div></div>
        <div class="msg visitor"><div class="time">2026-11-21 15:03:38</div><div class="bubble">ZT2611241517420968</div></div>
        <div class="msg agent"><div class="time">2026-11-21 15:05:12</div><div class="bubble">查到了</div></div>
      </div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-21T15:02:11+08:00', text: '还没到账' },
      { from: 'merchant', name: '小满', at: '2026-11-21T15:03:05+08:00', text: '请发一下订单号' },
      { from: 'customer', at: '2026-11-21T15:03:38+08:00', text: 'ZT2611241517420968' },
      { from: 'merchant', name: '小满', at: '2026-11-21T15:05:12+08:00', text: '查到了' },
    ]);
  });

  it('reads "客服小满为您服务" above the list as the agent, with no header class', () => {
    const d = doc(`<div class="box">
      <div class="bar"><b>紫藤数卡</b><small>客服小满为您服务</small></div>
      <div class="msgs">
        <div class="msg me"><span class="time">15:02</span><div class="text">在吗</div></div>
        <div class="msg other"><span class="time">15:03</span><div class="text">在的</div></div>
        <div class="msg me"><span class="time">15:04</span><div class="text">卡密无效</div></div>
        <div class="msg other"><span class="time">15:05</span><div class="text">稍等</div></div>
      </div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.name])).toEqual([
      ['customer', undefined],
      ['merchant', '小满'],
      ['customer', undefined],
      ['merchant', '小满'],
    ]);
  });

  it('takes no name from a header that shows only the shop, or from two agents', () => {
    const shop = doc(`<div class="win">
      <div class="title">云帆卡盟 · 官方客服<small>客服中心 · 工作时间 9:00-23:00</small></div>
      <div class="msgs">
        <div class="row me"><span class="time">15:02</span><div class="bubble">在吗</div></div>
        <div class="row other"><span class="time">15:03</span><div class="bubble">在的</div></div>
        <div class="row me"><span class="time">15:04</span><div class="bubble">卡密无效</div></div>
      </div>
    </div>`);
    expect(findChat(shop, capturedAt)?.messages.map((m) => m.name)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const two = doc(`<div class="win">
      <div class="header"><span class="agent-name">小满</span><span class="agent-name">阿杰</span></div>
      <div class="msgs">
        <div class="row me"><span class="time">15:02</span><div class="bubble">在吗</div></div>
        <div class="row other"><span class="time">15:03</span><div class="bubble">在的</div></div>
        <div class="row me"><span class="time">15:04</span><div class="bubble">卡密无效</div></div>
      </div>
    </div>`);
    expect(findChat(two, capturedAt)?.messages.map((m) => m.name)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('does not let a header agent replace the names merchant messages carry', () => {
    const d = doc(`<div class="win">
      <div class="header"><span class="agent-name">小满</span></div>
      <div class="msgs">
        <div class="row me"><span class="time">15:02</span><div class="bubble">在吗</div></div>
        <div class="row other"><span class="nick">阿杰</span><span class="time">15:03</span><div class="bubble">在的</div></div>
        <div class="row me"><span class="time">15:04</span><div class="bubble">卡密无效</div></div>
      </div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.name)).toEqual([
      undefined,
      '阿杰',
      undefined,
    ]);
  });

  it('reads a long bubble near the middle of a narrow widget by its avatar, not as a notice', () => {
    const d = doc(`<div class="log">
      <div class="r n"><span class="t">21:40</span><span class="b">客服已接入</span></div>
      <div class="r a"><img class="pic" alt="豆豆" width="36" height="36"><span class="t">21:41</span><span class="b">查到了，这个码上游反馈是批次问题，我帮您申请换码</span></div>
      <div class="r c"><img class="pic" alt="" width="36" height="36"><span class="t">21:42</span><span class="b">好的，谢谢你帮我处理这件事情啊</span></div>
    </div>`);
    const rect = (left: number, right: number) =>
      ({
        left,
        right,
        width: right - left,
        top: 0,
        bottom: 20,
        height: 20,
        x: left,
        y: 0,
      }) as DOMRect;
    const place = (sel: string, box: DOMRect) => {
      for (const el of Array.from(d.querySelectorAll<HTMLElement>(sel)))
        el.getBoundingClientRect = () => box;
    };
    place('.log', rect(0, 380));
    place('.n .b', rect(150, 230));
    place('.a .b', rect(60, 310));
    place('.a img', rect(16, 52));
    place('.c .b', rect(70, 320));
    place('.c img', rect(328, 364));
    expect(findChat(d, capturedAt)?.messages.map((m) => m.from)).toEqual([
      'system',
      'merchant',
      'customer',
    ]);
  });
});

describe('findChat on a role badge before the name', () => {
  it('takes the name after the badge on the time line, not the badge', () => {
    const d = doc(
      `<div class="thread">
        <div class="item"><div class="head"><span>用户</span><span>Kiri_07</span><span>2026-11-21 16:20</span></div><div class="body">兑换码已被使用</div></div>
        <div class="item"><div class="head"><span>客服</span><span>青禾</span><span>2026-11-21 17:05</span></div><div class="body">正在核实</div></div>
        <div class="item"><div class="head"><span>用户</span><span>Kiri_07</span><span>2026-11-21 17:10</span></div><div class="body">好的</div></div>
      </div>`,
      '工单详情',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      {
        from: 'customer',
        name: 'Kiri_07',
        at: '2026-11-21T16:20:00+08:00',
        text: '兑换码已被使用',
      },
      { from: 'merchant', name: '青禾', at: '2026-11-21T17:05:00+08:00', text: '正在核实' },
      { from: 'customer', name: 'Kiri_07', at: '2026-11-21T17:10:00+08:00', text: '好的' },
    ]);
  });
});

describe('findChat on header lines that may name the agent', () => {
  it.each([
    ['客服小满为您服务', '小满'],
    ['当前客服：小满', '小满'],
    ['客服 豆豆 · 工作时间 9:00-23:00', '豆豆'],
    ['客服 小美(工号 XD-027)为您服务 · 工作时间 9:00-23:00', '小美'],
    ['客服已接入', undefined],
    ['客服正在输入…', undefined],
    ['客服中心', undefined],
    ['客服QQ 12345', undefined],
    ['在线客服', undefined],
    ['客服繁忙', undefined],
  ])('"%s" names %s', (line, want) => {
    const d = doc(`<div class="box"><div class="bar"><small>${line}</small></div><div class="msgs">
      <div class="msg me"><span class="time">15:02</span><div class="text">在吗</div></div>
      <div class="msg other"><span class="time">15:03</span><div class="text">在的</div></div>
      <div class="msg me"><span class="time">15:04</span><div class="text">卡密无效</div></div>
    </div></div>`);
    expect(findChat(d, capturedAt)?.messages[1]?.name).toBe(want);
  });
});

describe('findChat on role words in sender lines', () => {
  it('reads "客服(小雨)" as the merchant named 小雨 and "您" as the customer, unnamed', () => {
    const d = doc(`<div class="msgs">
      <div class="msg kf"><div class="hd">客服(小雨) 10:21:05</div><div class="bd">您好</div></div>
      <div class="msg me"><div class="hd">您 10:21:40</div><div class="bd">没到账</div></div>
      <div class="msg kf"><div class="hd">客服【小雨】 10:22:16</div><div class="bd">请提供订单编号</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'merchant', name: '小雨', at: '2026-11-21T10:21:05+08:00', text: '您好' },
      { from: 'customer', at: '2026-11-21T10:21:40+08:00', text: '没到账' },
      { from: 'merchant', name: '小雨', at: '2026-11-21T10:22:16+08:00', text: '请提供订单编号' },
    ]);
  });

  it('reads a name with its role in brackets ("阿杰(客服)")', () => {
    const d = doc(`<div class="msgs">
      <div class="msg"><div class="hd">阿杰(客服) 10:21</div><div class="bd">您好</div></div>
      <div class="msg"><div class="hd">lin88(买家) 10:22</div><div class="bd">在吗</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.name])).toEqual([
      ['merchant', '阿杰'],
      ['customer', 'lin88'],
    ]);
  });

  it('takes a bracketed caption "【买家留言】" / "【商家回复】" as the side, not a name', () => {
    const d = doc(
      `<div class="wrap">
        <table class="tk">
          <tr><td>工单编号</td><td>GD20261122-1093</td><td>工单状态</td><td>处理中</td></tr>
          <tr><td>工单标题</td><td>卡密无法兑换</td><td>提交时间</td><td>2026-11-22 14:05:17</td></tr>
        </table>
        <div class="item buyer"><div class="t">【买家留言】 2026-11-22 14:05:17</div><div class="c">兑换提示无效</div></div>
        <div class="item reply"><div class="t">【商家回复】 2026-11-22 16:30:02</div><div class="c">已收到</div></div>
        <div class="item buyer"><div class="t">【买家留言】 2026-11-23 09:12:45</div><div class="c">结果呢？</div></div>
      </div>`,
      '工单详情',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-22T14:05:17+08:00', text: '兑换提示无效' },
      { from: 'merchant', at: '2026-11-22T16:30:02+08:00', text: '已收到' },
      { from: 'customer', at: '2026-11-23T09:12:45+08:00', text: '结果呢？' },
    ]);
  });
});

describe('findChat on avatars that name the sender', () => {
  it("takes an avatar's alt as the name, unless it is a role word or a caption", () => {
    const d = doc(
      `<div class="msgs">
        <div class="msg mine"><img class="avatar" alt="我" src="a.png"><div class="bubble">还有吗</div></div>
        <div class="msg"><img class="avatar" alt="阿杰卡券" src="b.png"><div class="bubble">有的</div></div>
        <div class="msg mine"><img class="avatar" alt="我" src="a.png"><div class="bubble">好</div></div>
        <div class="msg"><img class="avatar" alt="卖家头像" src="b.png"><div class="bubble">拍吧</div></div>
      </div>`,
      '消息',
    );
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.name])).toEqual([
      ['customer', undefined],
      ['merchant', '阿杰卡券'],
      ['customer', undefined],
      ['merchant', undefined],
    ]);
  });

  it('takes no name from a sticker inside the bubble', () => {
    const d = doc(
      `<div class="msgs">
        <div class="msg mine"><div class="bubble">还有吗</div></div>
        <div class="msg other"><div class="bubble">有的<img alt="微笑" width="20" src="e.png"></div></div>
        <div class="msg mine"><div class="bubble">好</div></div>
      </div>`,
      '消息',
    );
    expect(findChat(d, capturedAt)?.messages[1]).toEqual({ from: 'merchant', text: '有的' });
  });
});

describe('findChat on the twelfth and thirteenth blind corpora', () => {
  it('finds a widget classed "kf" (客服) and reads a name run into its time', () => {
    const d = doc(
      `<nav>某某数卡</nav><div class="kf-box"><div class="kf-list">
        <div class="sys"><span>10:01:58 客服 小七 已接入会话</span></div>
        <div class="m right"><div class="who"><b>阿木</b>10:02:20</div><div class="bb">你好</div></div>
        <div class="m left"><div class="who"><b>小七</b>10:03:05</div><div class="bb">您好</div></div>
        <div class="m right"><div class="who"><b>阿木</b>10:04:02</div><div class="bb"><img alt="截图" src="x.png"></div></div>
      </div></div>`,
      '订单查询',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'system', at: '2026-11-21T10:01:58+08:00', text: '客服 小七 已接入会话' },
      { from: 'customer', name: '阿木', at: '2026-11-21T10:02:20+08:00', text: '你好' },
      { from: 'merchant', name: '小七', at: '2026-11-21T10:03:05+08:00', text: '您好' },
      {
        from: 'customer',
        name: '阿木',
        at: '2026-11-21T10:04:02+08:00',
        text: '截图',
        image: true,
      },
    ]);
  });

  it('reads a role badge run into a full date-time as the side, not a name', () => {
    const d = doc(
      `<div class="thread">
        <div class="reply user"><div class="meta"><span class="role">用户</span>2026-11-18 11:32:06</div><div class="content">兑换失败。</div></div>
        <div class="reply staff"><div class="meta"><span class="role">客服</span>2026-11-18 14:05:41</div><div class="content">已收到。</div></div>
        <div class="reply user"><div class="meta"><span class="role">用户</span>2026-11-19 09:18:27</div><div class="content">有结果吗？</div></div>
        <div class="reply system"><div class="content">2026-11-19 10:30:00 工单已关闭</div></div>
        <div class="closed-tip">该工单已关闭，如仍有问题请重新提交</div>
      </div>`,
      '我的工单',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-18T11:32:06+08:00', text: '兑换失败。' },
      { from: 'merchant', at: '2026-11-18T14:05:41+08:00', text: '已收到。' },
      { from: 'customer', at: '2026-11-19T09:18:27+08:00', text: '有结果吗？' },
      { from: 'system', at: '2026-11-19T10:30:00+08:00', text: '工单已关闭' },
    ]);
  });

  it('keeps a role word in its own line as the name ("我" above the time)', () => {
    const d = doc(`<ul class="chat">
      <li class="item self"><p class="nick">我</p><p class="time">14:03</p><div class="content">在吗</div></li>
      <li class="item other"><p class="nick">阿杰</p><p class="time">14:04</p><div class="content">在</div></li>
    </ul>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.name)).toEqual(['我', '阿杰']);
  });

  it('takes no opening hours ("在线时间 09:00 - 23:30") for a time stamp', () => {
    const d = doc(
      `<div class="wrap">
        <div class="notice"><h3>公告</h3><p>1. 已支持 USDT 付款。</p><p>2. 谨防冒充客服诈骗。</p></div>
        <div class="row"><div class="goods">腾讯视频月卡 ¥19.50</div>
          <div class="card"><h4>联系客服</h4><p>客服QQ：3071846259</p><p>在线时间：每天 09:00 - 23:30</p></div></div>
      </div>`,
      '首页',
    );
    expect(findChat(d, capturedAt)).toBeUndefined();
  });

  it('takes no page section of headed boxes for a message', () => {
    const d = doc(
      `<div class="wrap">
        <div class="notice"><h3>公告</h3><p>1. 本站已支持 USDT 付款。</p><p>2. 谨防冒充客服诈骗。</p></div>
        <div class="row"><div class="goods"><h4>视频会员</h4><p>月卡 ¥19.50</p></div>
          <div class="side"><div class="card"><h4>联系客服</h4><p>客服QQ：3071846259</p><p>更新时间 2026-11-20 10:30</p></div></div></div>
      </div>`,
      '首页',
    );
    expect(findChat(d, capturedAt)).toBeUndefined();
  });

  it('leaves out an order card the buyer sends: the page order, no message', () => {
    const d = doc(
      `<div class="stream">
        <div class="time">今天 09:32</div>
        <div class="row me"><div class="av"></div><div class="col"><div class="ocard">
          <div class="h">我要咨询的订单</div><div class="pn">优酷VIP会员 季卡</div>
          <div class="ln">订单号：CX2611252136193072</div><div class="ln">实付：¥58.00 状态：已发货</div>
        </div></div></div>
        <div class="row me"><div class="av"></div><div class="col"><div class="bb">兑换不了</div></div></div>
        <div class="row kf"><div class="av"></div><div class="col"><div class="bb">稍等</div></div></div>
      </div>`,
    );
    const chat = findChat(d, capturedAt);
    expect(chat?.messages.map((m) => m.text)).toEqual(['兑换不了', '稍等']);
    const card = d.querySelector('.ocard');
    expect(chat?.items.some((i) => card && i.contains(card))).toBe(false);
  });
});

describe('findChat on widget styles (blind 15)', () => {
  it('reads relative times (3分钟前, 刚刚) after a sender as times against the capture', () => {
    const d = doc(`<div class="msgs">
      <div class="m me"><div class="meta">14:50</div><div class="bub">有批发价吗</div></div>
      <div class="m kf"><div class="meta">小白 3分钟前</div><div class="bub">有的</div></div>
      <div class="m kf"><div class="meta">小白 刚刚</div><div class="bub">20张以上9折</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.slice(1)).toEqual([
      { from: 'merchant', name: '小白', at: '2026-11-21T15:17:00+08:00', text: '有的' },
      { from: 'merchant', name: '小白', at: '2026-11-21T15:20:00+08:00', text: '20张以上9折' },
    ]);
  });

  it('drops a role word and its separator before the time, keeps the name after it', () => {
    const d = doc(`<div class="thread">
      <div class="post user"><span class="init">我</span><div class="pb">
        <div class="ph">我 · 2026-11-20 18:22:10</div><div class="pc">卡密无效</div></div></div>
      <div class="post staff"><span class="init">秋</span><div class="pb">
        <div class="ph">客服 · 秋秋 · 2026-11-20 19:06:02</div><div class="pc">已补发</div></div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-20T18:22:10+08:00', text: '卡密无效' },
      { from: 'merchant', name: '秋秋', at: '2026-11-20T19:06:02+08:00', text: '已补发' },
    ]);
  });

  it('splits bubbles grouped under one header into messages of the header time', () => {
    const d = doc(`<div class="conv">
      <div class="grp mine"><span class="ini">云</span><div class="gb">
        <div class="gh"><b>云朵</b>昨天 22:10</div><div class="one">在吗</div><div class="one">卡号 1126</div></div></div>
      <div class="grp kf"><span class="ini">杉</span><div class="gb">
        <div class="gh"><b>阿杉</b>昨天 22:31</div><div class="one">您好</div></div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.name, m.at, m.text])).toEqual([
      ['云朵', '2026-11-20T22:10:00+08:00', '在吗'],
      ['云朵', '2026-11-20T22:10:00+08:00', '卡号 1126'],
      ['阿杉', '2026-11-20T22:31:00+08:00', '您好'],
    ]);
  });

  it('leaves out a quoted message, reads a file card by its name, keeps emoji alts', () => {
    const d = doc(`<div class="ud-c">
      <div class="ud-row customer"><div class="wrap"><div class="txt"><div class="quote">小北：请提供订单号</div>
        订单号 SG2611</div></div><div class="t">15:01</div></div>
      <div class="ud-row customer"><div class="wrap"><div class="file"><span class="ic">PDF</span>
        <div><div class="fn">付款截图.pdf</div><div class="fs">236 KB</div></div><a href="#">下载</a></div></div><div class="t">15:02</div></div>
      <div class="ud-row agent"><div class="wrap"><div class="nm">小北</div>
        <div class="txt">收到<img class="em" src="x.gif" alt="[微笑]"></div></div><div class="t">15:03</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.text)).toEqual([
      '订单号 SG2611',
      '付款截图.pdf',
      '收到[微笑]',
    ]);
  });

  it('finds a widget by its input box and strips corp tags from names', () => {
    const d = doc(
      `<div class="panel"><div class="feed">
        <div class="msg self"><div class="b">在吗</div><div class="t">14:02</div></div>
        <div class="msg other"><div class="nick">林夕<span class="corp">@拾月数卡</span></div><div class="b">在的</div><div class="t">14:03</div></div>
      </div><div class="input"><textarea placeholder="请输入消息，按 Enter 发送"></textarea></div></div>`,
      '订单查询',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-21T14:02:00+08:00', text: '在吗' },
      { from: 'merchant', name: '林夕', at: '2026-11-21T14:03:00+08:00', text: '在的' },
    ]);
  });

  it('reads a QQ export laid out line by line: the 消息对象 is the shop', () => {
    const d = doc(
      `<div class="hd"><div>消息分组:我的好友</div><div>消息对象:南栀售后</div></div>
      <div class="day">日期: 2026-11-20</div>
      <div class="line"><span>2026-11-20 21:03:11 晚星(1527384960)</span></div><div class="body">你好</div>
      <div class="line"><span>2026-11-20 21:10:26 南栀售后(3305718264)</span></div><div class="body">亲，订单号发一下[微笑]</div>
      <div class="line"><span>2026-11-20 21:11:02 晚星(1527384960)</span></div><div class="body">NZ2026</div>
      <div class="line"><span>2026-11-20 21:18:45 南栀售后(3305718264)</span></div><div class="body">已补发</div>`,
      'QQ消息记录 - 南栀售后',
    );
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.name, m.text])).toEqual([
      ['customer', '晚星', '你好'],
      ['merchant', '南栀售后', '亲，订单号发一下[微笑]'],
      ['customer', '晚星', 'NZ2026'],
      ['merchant', '南栀售后', '已补发'],
    ]);
  });
});

describe('findChat on rows with no time of their own', () => {
  it('reads rows pushed to one side between day dividers as a chat', () => {
    const d = doc(`<div class="thread">
      <div class="when">昨天 21:10</div>
      <div class="line" style="display:flex;justify-content:flex-end"><span class="ava">我</span><p>卡密提示已使用，单号 QX880021</p></div>
      <div class="line" style="display:flex;justify-content:flex-end"><span class="ava">我</span><p>麻烦看下</p></div>
      <div class="when">今天 10:02</div>
      <div class="line" style="display:flex"><span class="ava">小</span><p>收到，马上核实</p></div>
      <div class="line" style="display:flex;justify-content:flex-end"><span class="ava">我</span><p>好的</p></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-20T21:10:00+08:00', text: '卡密提示已使用，单号 QX880021' },
      { from: 'customer', at: '2026-11-20T21:10:00+08:00', text: '麻烦看下' },
      { from: 'merchant', at: '2026-11-21T10:02:00+08:00', text: '收到，马上核实' },
      { from: 'customer', at: '2026-11-21T10:02:00+08:00', text: '好的' },
    ]);
  });

  it('takes no list of rows that all sit on one side for a chat', () => {
    const d = doc(`<div class="list">
      <div class="day">今天 09:00</div>
      <div class="item" style="text-align:right">充值卡 50元</div>
      <div class="item" style="text-align:right">充值卡 100元</div>
      <div class="item" style="text-align:right">充值卡 200元</div>
    </div>`);
    expect(findChat(d, capturedAt)).toBeUndefined();
  });
});

describe('findChat on utility-class widgets (blind 22)', () => {
  it('takes no side from the utility classes that centre a letter in its avatar', () => {
    // "items-center justify-center" centre the letter in its circle: no centred notice.
    const row = (c: string, side: string, body: string) =>
      `<div class="flex gap-2"><span class="w-9 h-9 rounded-full flex items-center justify-center">${c}</span><div class="bubble ${side}">${body}</div></div>`;
    const d = doc(`<div class="chat">
      ${row('鱼', 'mine', '<div>兑换码提示已被使用</div><div class="text-xs">10:03</div>')}
      ${row('橙', 'other', '<div>请提供一下订单编号</div><div class="text-xs">小橙 10:05</div>')}
      ${row('鱼', 'mine', '<div>CG2612020938126047</div><div class="text-xs">10:05</div>')}
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.text])).toEqual([
      ['customer', '兑换码提示已被使用'],
      ['merchant', '请提供一下订单编号'],
      ['customer', 'CG2612020938126047'],
    ]);
  });

  it('keeps a one-word message over its time as the message, not an avatar', () => {
    const d = doc(`<div class="chat">
      <div class="row"><div class="b">我</div><div class="t">10:03</div></div>
      <div class="row kf"><div class="b">请提供一下订单编号</div><div class="t">小橙 10:05</div></div>
      <div class="row me"><div class="b">好</div><div class="t">10:06</div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => m.text)).toEqual([
      '我',
      '请提供一下订单编号',
      '好',
    ]);
  });

  it('reads a role word in an unclassed box at the edge of the row as the avatar', () => {
    const ava = (c: string) => `<span class="w-9 h-9 rounded-full shrink-0">${c}</span>`;
    const d = doc(`<div class="chat">
      <div class="flex gap-2">${ava('我')}<div class="flex flex-col"><div class="px-3">兑换码提示已被使用</div><div class="text-xs">10:03</div></div></div>
      <div class="flex gap-2">${ava('我')}<div class="flex flex-col"><div class="p-3"><img src="data:," alt="兑换失败截图" width="220" height="390"></div><div class="text-xs">10:03</div></div></div>
      <div class="flex gap-2">${ava('客服')}<div class="flex flex-col"><div class="px-3">请提供一下订单编号</div><div class="text-xs">小橙 10:05</div></div></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-21T10:03:00+08:00', text: '兑换码提示已被使用' },
      { from: 'customer', at: '2026-11-21T10:03:00+08:00', text: '兑换失败截图', image: true },
      {
        from: 'merchant',
        name: '小橙',
        at: '2026-11-21T10:05:00+08:00',
        text: '请提供一下订单编号',
      },
    ]);
  });

  it('reads a notice with a colon after a clause as a whole line, not a speaker and text', () => {
    const d = doc(`<div class="chat">
      <div class="notice">您已进入人工服务，当前客服：小橙</div>
      <div class="msg right"><p>兑换码提示已被使用</p><span class="time">10:03</span></div>
      <div class="msg left"><span class="name">小橙</span><p>请提供一下订单编号</p><span class="time">10:05</span></div>
    </div>`);
    expect(findChat(d, capturedAt)?.messages[0]).toEqual({
      from: 'system',
      text: '您已进入人工服务，当前客服：小橙',
    });
  });
});

describe('findChat on record cards', () => {
  it('takes no card holding a table of fields for a message, however it is laid out', () => {
    const card = (title: string, rows: string) =>
      `<div class="card"><div class="head"><span>${title}</span><button>申请售后</button></div><table>${rows}</table></div>`;
    const d = doc(
      `<main class="main">
      ${card('订单信息', '<tr><th>订单编号</th><td>LM2026112016204503</td></tr><tr><th>下单时间</th><td>2026-11-20 16:20:45</td></tr>')}
      ${card('卡密信息', '<tr><th>卡号</th><th>提取时间</th></tr><tr><td>2612011620450001</td><td>2026-11-20 16:21:03</td></tr>')}
    </main>`,
      '订单详情 - 联系客服',
    );
    // Laid out as in a browser: the page across 800px, the cards' first lines on the right.
    const page = { left: 0, right: 800, width: 800, top: 0, bottom: 600, height: 600, x: 0, y: 0 };
    const line = {
      left: 500,
      right: 780,
      width: 280,
      top: 0,
      bottom: 20,
      height: 20,
      x: 500,
      y: 0,
    };
    for (const el of Array.from(d.querySelectorAll<HTMLElement>('main, main *')))
      el.getBoundingClientRect = () => (el.tagName === 'MAIN' ? page : line) as DOMRect;
    expect(findChat(d, capturedAt)).toBeUndefined();
  });
});

describe('findChat on pictures that failed to load', () => {
  it('reads a broken picture by its alt, not as an avatar by the size of its alt text', () => {
    // The window's own document: it has a style engine, as a capture has.
    document.title = '在线客服';
    document.body.innerHTML = `<div class="chat">
      <div class="msg self"><div class="bubble">兑换不了</div><span class="time">21:16</span></div>
      <div class="msg self"><div class="pic"><img class="shot" src="https://img.example/a.jpg" alt="兑换失败截图"></div><span class="time">21:16</span></div>
      <div class="msg other"><div class="bubble">请发一下订单编号</div><span class="time">21:17</span></div>
    </div>`;
    // As Chromium lays out a picture that did not load: its alt text's box (106×21) as its size.
    const img = document.querySelector<HTMLImageElement>('img.shot') as HTMLImageElement;
    img.style.width = '106px';
    img.style.height = '21px';
    Object.defineProperty(img, 'complete', { value: true });
    Object.defineProperty(img, 'naturalWidth', { value: 0 });
    img.getBoundingClientRect = () =>
      ({
        left: 600,
        right: 706,
        width: 106,
        top: 0,
        bottom: 21,
        height: 21,
        x: 600,
        y: 0,
      }) as DOMRect;
    expect(findChat(document, capturedAt)?.messages.map((m) => [m.from, m.text, m.image])).toEqual([
      ['customer', '兑换不了', undefined],
      ['customer', '兑换失败截图', true],
      ['merchant', '请发一下订单编号', undefined],
    ]);
    document.body.innerHTML = '';
  });
});

describe('findChat on long mobile chats (blind 24)', () => {
  it('reads a one-to-one chat by its bubbles on two sides when nothing on the page names it', () => {
    const d = doc(
      `<div class="hd"><div class="who"><b>阿杰游戏号</b><small>实名认证 · 信用极好</small></div></div>
      <main class="feed">
        <div class="time">11月20日 22:10</div>
        <div class="line mine"><div class="av"></div><div class="msg">你好，这个号还在吗？</div></div>
        <div class="line"><div class="av"></div><div class="msg">在的，诚心要可以小刀</div></div>
        <div class="line mine"><div class="av"></div><div class="msg">会不会找回？</div></div>
        <div class="line"><div class="av"></div><div class="msg">不会，放心买</div></div>
      </main>`,
      '阿杰游戏号 - 鲸转二手',
    );
    expect(findChat(d, capturedAt)?.messages).toEqual([
      { from: 'customer', at: '2026-11-20T22:10:00+08:00', text: '你好，这个号还在吗？' },
      { from: 'merchant', at: '2026-11-20T22:10:00+08:00', text: '在的，诚心要可以小刀' },
      { from: 'customer', at: '2026-11-20T22:10:00+08:00', text: '会不会找回？' },
      { from: 'merchant', at: '2026-11-20T22:10:00+08:00', text: '不会，放心买' },
    ]);
    // Boxes classed as messages that all sit on one side (a feed of one's own posts) are no chat.
    const feed = doc(
      `<main class="feed">
        <div class="time">11月20日 22:10</div>
        <div class="line mine"><div class="msg">出一个原神号</div></div>
        <div class="line mine"><div class="msg">出一个崩铁号</div></div>
        <div class="line mine"><div class="msg">出一个王者号</div></div>
      </main>`,
      '我的发布',
    );
    expect(findChat(feed, capturedAt)).toBeUndefined();
  });

  it('leaves out an order card whose number follows its label after a space', () => {
    const d = doc(
      `<main class="feed">
        <div class="time">11月20日 22:36</div>
        <div class="line mine"><div class="av"></div><div class="msg"><div class="ocard">
          <div class="t">我已付款，等待你发货</div><div class="n">原神官服 AR58 雷神2命</div>
          <div class="f">实付款 <b>¥704.00</b><br>订单编号 3928461057203846172</div>
        </div></div></div>
        <div class="line mine"><div class="av"></div><div class="msg">发一下号</div></div>
        <div class="line"><div class="av"></div><div class="msg">稍等</div></div>
        <div class="line mine"><div class="av"></div><div class="msg">好</div></div>
      </main>`,
    );
    const chat = findChat(d, capturedAt);
    expect(chat?.messages.map((m) => m.text)).toEqual(['发一下号', '稍等', '好']);
    const card = d.querySelector('.ocard');
    expect(chat?.items.some((i) => card && i.contains(card))).toBe(false);
  });

  it("reads plain rows beside rows marked as the reader's as the other party's", () => {
    const d = doc(`<main class="list">
      <div class="divider"><span>今天 08:31</span></div>
      <div class="row row-self"><div class="ava"></div><div class="body"><div class="bubble">怎么说？</div></div></div>
      <div class="row"><div class="ava"></div><div class="body"><div class="nick">柚子</div><div class="bubble">亲，稍等</div></div></div>
      <div class="row row-self"><div class="ava"></div><div class="body"><div class="bubble">好</div></div></div>
      <div class="row"><div class="ava"></div><div class="body"><div class="nick">青柚售后-小青</div><div class="bubble">无法补发</div></div></div>
    </main>`);
    expect(findChat(d, capturedAt)?.messages.map((m) => [m.from, m.name])).toEqual([
      ['customer', undefined],
      ['merchant', '柚子'],
      ['customer', undefined],
      ['merchant', '青柚售后-小青'],
    ]);
  });

  it("keeps a notice before the thread's last row, which shows no side of its own", () => {
    // The window's own document: it has a style engine that centres the notice.
    document.title = '在线客服';
    document.body.innerHTML = `<div class="list">
      <div class="time">今天 08:31</div>
      <div class="m self"><div class="av">我</div><div class="col"><div class="bb">我根本没充过</div></div></div>
      <div class="m"><div class="av">客服</div><div class="col"><div class="nick">北辰-阿宁</div><div class="bb">稍等</div></div></div>
      <div class="m self"><div class="av">我</div><div class="col"><div class="bb">快点</div></div></div>
      <div class="sysline" style="text-align:center"><span>对方已撤回一条消息</span></div>
      <div class="m"><div class="av">客服</div><div class="col"><div class="nick">北辰-阿宁</div><div class="bb">请提交售后工单</div></div></div>
    </div>`;
    expect(findChat(document, capturedAt)?.messages.slice(3)).toEqual([
      { from: 'system', at: '2026-11-21T08:31:00+08:00', text: '对方已撤回一条消息' },
      {
        from: 'merchant',
        name: '北辰-阿宁',
        at: '2026-11-21T08:31:00+08:00',
        text: '请提交售后工单',
      },
    ]);
    document.body.innerHTML = '';
  });
});
