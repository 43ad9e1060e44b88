import type { SourceMap } from './sources';
import { sourceOf } from './sources';
import { inFooter, lineText, norm, type TextLine } from './text';

export type PromiseCategory =
  | 'delivery'
  | 'compensation'
  | 'refund'
  | 'authenticity'
  | 'after-sales'
  | 'other';

/** A promise as read: its exact text, category, the detail line under a headline. */
export interface FoundPromise {
  text: string;
  category: PromiseCategory;
  detail?: string;
  el: Element;
  inFooter: boolean;
  /** How many commitments the quoted sentence holds ("官方正品，假一赔十": 2). */
  clauses: number;
}

// Tested in this order: "不到账全额退款" is about refunds, "超时未发货赔付" about compensation.
const CATEGORIES: ReadonlyArray<readonly [PromiseCategory, RegExp]> = [
  [
    'compensation',
    /假一赔|赔付(?!款)|包赔|赔偿|补偿|先行赔|双倍返还|赔[一二三五十百千万\d]|[十百\d]倍(赔|返)/,
  ],
  ['refund', /退款|退回|退还|退换|退货|原路返回|无理由退|包退|全额返还/],
  [
    'after-sales',
    /售后|质保|保修|包换|换货|换卡|补发|补卡|免费补|补充到账|重新(充值|发货|发卡|发送|发放)|核[查实]并?补|7\s*[×xX*]\s*24\s*(小时)?.{0,4}(客服|售后|在线|服务|人工)|终身客服|客服.{0,12}在线|(均可|都可|随时可?)(联系|找)(在线)?客服(处理|解决)|客服.{0,6}(响应|回复)|客服.{0,6}\d+\s*(小时|分钟)内?.{0,4}(介入|处理|响应|回复|安排|核查|核实|协助)|\d+\s*(天|小时)内.{0,6}(投诉|申请售后|维权)|处理投诉|介入|换新|免费更换/,
  ],
  [
    'authenticity',
    /正品|官方(授权|渠道|直供|正版|货源)|保真|真卡|一手货源|正规(授权)?(渠道|货源)|授权渠道|授权代理商?处?(采购|进货|供货)|来自.{0,8}(品牌官方|一级代理)|(从|由|自)[^，,]{0,8}(官方|一级代理)[^，,]{0,10}(进货|采购|获取|供货|直供)|官方[^，,]{0,4}渠道|保证.{0,8}(未被使用|未使用过|有效)|官方直充|正版|(保证|确保|承诺).{0,10}(一致|相符|属实)|与.{0,4}描述.{0,2}(一致|相符)|(绝无|绝不|不卖|杜绝|拒绝).{0,4}(假卡|黑卡|盗刷)|保证独享|不与他人共(用|享)/,
  ],
  [
    'delivery',
    /自动发货|自动(发送|发放|发出)|(发送|发)[至到].{0,10}邮箱|秒发|秒到|[秒极快急]速(发货|到账|发卡|充值)|即时发货|即时到账|立即到账|闪电发货|自动发卡|\d+\s*(小时|分钟|秒)内?.{0,6}(?<![未没无不])(发货|到账|发卡|发出|处理|完成|回复|交号|交货|交付)|(发货|发卡|到账)[^，,。；;]{0,6}(不超过|不晚于|最迟|最晚)\s*\d+\s*(秒|分钟|小时)|(100%|百分百|百分之百)\s*到账|包到账|必到账/,
  ],
  [
    'other',
    /安全保障|资金安全|隐私保护|严格保护.{0,6}隐私|(保护|尊重)(用户|您的?|买家|客户).{0,4}隐私|(绝不|不会|严禁).{0,16}(个人信息|隐私|联系方式|个人资料|订单信息)|(个人信息|隐私|联系方式|个人资料).{0,12}(绝不|不会|严禁|不向)|交易保障|支付保障/,
  ],
];
const NOISE =
  /最低价|特惠|优惠|折扣|\d\s*折|限时|热销|爆款|返利|加盟|(招|诚招|成为)代理|代理(加盟|招募|价)|分站|注册送|秒杀|低至|低价|包邮|新品|抢购|充值赠|满减|券后|活动|双11|双十一|双12|双十二|618|大促|促销|福利|专业|领先|首选|第一品牌|欢迎/;
const NEGATIVE =
  /不再(受理|处理|提供|支持)|不承担|不负责|不支持|不退|不予|概不|恕不|不接受|不提供|无法退|不能退|不包|不保|不在|不属于|不超过(?!\s*\d+\s*(秒|分钟|小时|个?工作日|天))|不高于|封顶|不会再?(发放|发货|发出|发送|到账|退款|赔付)/;
const PROMISE_LABEL =
  /^(?:第[一二三四五六七八九十百\d]+条\s*|\d+(?:\.\d+)+\s*|\d{1,2}\s*(?=\p{Script=Han})(?!\s*(小时|分钟|秒|天|个|倍|元|张|次|年|月|周|工作日|件|位|条|号|级|期|份|折|星|人|台|区|G|款|类|种|项))|[\d一二三四五六七八九十]+[.、)）]\s*|[(（][\d一二三四五六七八九十]+[)）]\s*)?(?:【[^】]{1,10}】\s*)?(?:[\p{Script=Han}]{0,6}(?:承诺|保障|服务|说明|须知|规则|政策|条款|特色|优势)\s*[:：])?\s*/u;
const OTHER_LABEL = /^[\p{Script=Han}A-Za-z]{2,10}\s*[:：]/u;

/** Goods sent late when stock runs out ("如遇库存不足，客服将在 2 小时内手动补发"). */
const STOCK_RESEND =
  /(库存不足|缺货|无货|暂无库存)[^。；;]{0,16}(?<!无法|不能|未能)(手动|人工)?补发/;

/** Compensation paid in kind ("赔付 5 元无门槛优惠券"): a promise, not a coupon ad. */
const PAID_IN_KIND = /(赔付|补偿|赔偿|返还)[^，,。；;]{0,12}(优惠券|代金券|红包|余额)/g;

/** Whether a text markets (优惠, 限时, 热销…), apart from compensation paid in kind. */
function markets(text: string): boolean {
  return NOISE.test(text.replace(PAID_IN_KIND, ''));
}

/**
 * A privacy undertaking ("订单信息不向任何第三方泄露", "仅用于发货与售后，不会提供给任何
 * 第三方"): category other even when it names the uses (发货、售后) the data is kept for.
 */
const PRIVACY =
  /(不会|绝不|决不|不向|严禁|不得|禁止|从不).{0,16}第三方|不.{0,16}第三方.{0,12}(泄露|出售|提供|透露|分享|共享|出租)|(不会|绝不|不向|严禁).{0,12}(泄露|出售|透露).{0,12}(信息|隐私|资料)/;

/** A remedy, then a refund only when the remedy cannot be given ("…补发，无法补发的退款"). */
const FALLBACK_AFTER =
  /(补发|更换|换新|换卡|补卡)[^。；;]{0,6}[，,](如|若)?(无法|不能|未能)(补发|更换|换新|换卡|补卡)/;

/** The category of a promise clause, or undefined when it promises nothing. */
export function promiseCategory(clause: string): PromiseCategory | undefined {
  // What data is "用于" (发货与售后) names its purposes, not a commitment to them.
  const t = norm(clause).replace(
    /(信息|资料|数据|手机号|邮箱|联系方式)(仅|只)?(用于|用作)[^，,。；;]*/g,
    '$1',
  );
  if (PRIVACY.test(t)) return 'other';
  // "如遇库存不足，客服将在 2 小时内手动补发": goods sent late, when stock runs out, are
  // their delivery, not an after-sales remedy.
  if (STOCK_RESEND.test(t)) return 'delivery';
  // "予以补发或退款": a remedy offered first, a refund as the fallback.
  if (/(补发|更换|换新|换卡|补卡)[^，,。；;]{0,4}或[^，,。；;]{0,4}(退款|退回)/.test(t))
    return 'after-sales';
  // "…优先补发，无法补发的全额退款": a remedy first, a refund only when it fails.
  if (FALLBACK_AFTER.test(t)) return 'after-sales';
  return CATEGORIES.find(([, cue]) => cue.test(t))?.[0];
}

function isNavigation(el: Element, text: string): boolean {
  if (el.closest('a, button, nav, select, option, label, [role="navigation"], [role="button"]'))
    return true;
  const bare = (t: string) => t.replace(/[\s|/·•,，、-]/g, '');
  const links = bare(
    Array.from(el.querySelectorAll('a'))
      .map((a) => lineText(a))
      .join(''),
  );
  return links.length > 0 && links.length >= bare(text).length - 2;
}

/** A contact line (热线 0571-…, 客服QQ 800123456, 微信：…). */
const CONTACT = /\d{5,}|热线|电话|QQ|邮箱\s*[:：]|@|售后邮箱|客服邮箱|微信(号|客服)?\s*[:：]/;

/** A site's name or tagline ("极速发卡网", "虚拟商品自动发货平台"), not a commitment. */
const BRAND =
  /(发卡|发货|到账|充值|卡|货)(网|站|平台|商城|系统)|感谢您?选择|^[^，,]{0,10}(商店|商城|小店|店铺|卡铺)$/;
/** A card's generic headline ("正品保障", "售后无忧", "极速发货"), not the commitment. */
const GENERIC_HEADLINE =
  /^(极速|秒速|闪电|快速|急速|自动)(发货|到账|发卡|充值)$|^.{0,4}(保障|无忧|放心|安心|承诺)$|^(无忧|放心|安心)|^[^\d一二三四五六七八九十百千两]{2,4}$/;
/**
 * Field labels (退款金额), states (已退款), buttons (申请售后), schedules (客服在线时间
 * 9:00-23:00) and conditional instructions (如超过24小时未到账请联系客服).
 */
const NOT_A_COMMITMENT =
  /^[\p{Script=Han}]{2,4}(金额|时间|方式|状态|单号|原因|编号|账号|进度)$|^(已|待|未)[\p{Script=Han}]{2,5}\s*([(（][^)）]*[)）])?$|费$|费用$|成功$|有权|协议\s*([(（].*[)）])?$|^(商户|商家|买家|用户|系统)(发起|申请|提交)|^(申请|联系|查看|去|点击)[\p{Script=Han}]{2,4}$|^[\p{Script=Han}]{2,8}时间\s*[:：]?\s*\d|^[^，,(（]{0,10}(在线|服务|工作|营业|值班)时间(为|是)?\s*[:：]?\s*\d{1,2}[:：]\d{2}|^(如|若|如果|假如|倘若).{0,24}(?<![申邀])请|^[\p{Script=Han}]{2,3}中$|的$|^[\p{Script=Han}]{2,6}(标准|规则|说明|流程|须知|范围|政策|条款|信息|进度)$|已.{0,4}(发货|发送|发出|发放|发卡|交付|到账|退款|退回|完成|补发)|客服在线\s*\d|分为|可在.{0,20}查看|(?<![申邀])请(联系|于|在|及时|勿|提供|截图|核对|确认|通过|先|务必|按|使用|附上|保留|上传|填写|备注|注意|仔细|耐心)|如下[:：]?$|(重置|验证|找回)(链接|密码|邮件|码)|激活(链接|邮件)|(分钟|小时)内有效|(保障|处理|审核|进行|生效|受理|充值|发货|交易|服务|退款)中$|已(购买|开通|生效|激活|选择|领取|使用|购)$|^已(开通|购买|选择|领取)[^，,的]*$|已(提交|受理)|^等待(商家|卖家|客服|平台|买家)|^此(邮件|消息|短信|通知)|调整为|变更为|成立于|专注于?|冒充|诈骗|不法分子|诱导|制定本|本(政策|规则|协议|条款)|售后中心|客服中心|帮助中心|^[\p{Script=Han}]{2,4}(组|部|团队|中心)$|^用于|点击|^\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}|耐心等待|已于.{0,24}(提交|申请)|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}$|进入(退款|售后|审核)流程|否则|^质保期\s*\d|(提交|上传|提供)[^，,]{0,4}(证据|截图|材料|凭证)$|(买家|用户|您)(应当?|须|需要?|必须)|^(提交|填写|上传|选择|输入|登录|等待|进入|打开)(?![^，,]{0,8}后[，,])|的(订单|商品|情况|用户|买家)$|的[\p{Script=Han}]{0,4}申请$|包括|^为了?(保障|保护|维护|规范|提升|提高|确保|更好)|^(该|当前|本|此|您的)?订单(尚未|还未|暂未)|^(发货|支付|付款|配送|交付|充值|处理)(方式|类型|结果)[\p{Script=Han}]|^关于.{2,30}(说明|通知|公告|规定|声明|办法|调整)$|(方式|类型|状态)\s*[:：]|(已售|库存|销量|月销)\s*[:：]?\s*\d/u;
/**
 * Where refunded money goes, with no time or trigger ("退款均按原支付路径返还"): how refunds
 * travel, not a promise on its own (after a promise it says more of it: "…，款项原路退回").
 */
const ROUTE_ONLY = /^(退款|赔付款|款项|退款金额)(均|将|会)?(按|通过|经|退回|返还|原路)[^\d]*$/;
/** A section heading made only of topic words ("售后与退款", "发货说明"). */
const TOPIC_ONLY = /^[售后退款发货商品服务与和及保障说明政策规则换货质保充值到账卡密赔付偿]{2,8}$/;
/**
 * Who runs the site and what it offers its merchants ("本平台由…公司运营", "为商户提供…自动发卡
 * 服务"): a description of the platform, not a commitment to the buyer.
 */
const OPERATOR =
  /由[^，,]{2,30}(运营|经营|主办|开发)([，,]|$)|^为(商户|商家|卖家|店主|站长|代理商?)提供/;
/** A heading naming two topics ("结算与退款", "售后及投诉"): no verb, nothing promised. */
const TOPIC_PAIR = /^[\p{Script=Han}]{2,4}(与|及|和|或|&|＆)[\p{Script=Han}]{2,4}$/u;
/**
 * A chat window's header ("客服 小王 ● 在线 — ×"): a presence dot or window controls, a
 * status, not a commitment.
 */
const PRESENCE = /[●○◉]\s*(在线|离线|忙碌|离开|繁忙)|[—×✕]\s*$/;

/**
 * A clause that only sets a condition ("超过30分钟未到账的订单", "经核实确属卡密问题的",
 * "已购买包赔服务的账号").
 */
const CONDITION =
  /^(超过|超出|如果?|若|凡|对于|因|由于|一旦|经核实)|如被|如遇|如有|若有|如为|若为|的(订单|商品|情况|用户|买家|账号|账户|卡密|会员)?$|(?<!售)后$|(\d+|[一二三四五六七八九十两半])\s*(秒|分钟|小时|天|个?工作日)[^，,]{0,4}(未|没有?)[^，,]{1,4}$/;
/** A tail that carries on the same assertion ("非盗号、非共享账号", "绝不…", "且…"). */
const CONTINUATION = /^(非|不|绝不|绝无|无|永不|且|并且?|均|全部|100%|保证|确保)/;
/**
 * A tail that hedges, limits or excuses what came before ("高峰期可能稍有延迟", "到账时间以
 * 银行为准", "超过时间将无法…"), or only gives a time ("1个工作日内处理"): not part of the
 * promise, and no promise itself.
 */
const HEDGE =
  /可能|以.{0,20}为准|无法|不能|不会|不支持|顺延|延迟|延误|除外|[如若]遇|[请需须]|查看|^您|^[\d一二三四五六七八九十两半]|^(一般|通常|具体|部分|高峰|但|除|仅|只)/;
/**
 * A clause that carries on the same assertion with a connective ("…自动发货，付款成功后卡密
 * 立即显示在页面上，同时发送至您填写的邮箱"): more of the promise before it even when it would
 * promise the same thing on its own.
 */
const CONNECTIVE = /^(同时|并且?|且|还|亦|也|另外)/;
/**
 * When and where the refund just promised arrives, said of that refund or with no subject
 * ("退款1-3个工作日原路到账", "1个工作日内原路到账"): more of that refund. A tail with the
 * money as its own subject and its own time ("款项3个工作日内原路返回") is a promise apart.
 */
const REFUND_TAIL =
  /^(退款|退款金额)?(将|会|均)?[在于]?[\d\s\-~～至—一二三四五六七八九十两半个工作日小时天分钟内]{0,14}(原路|原支付)[^，,]{0,8}(到账|退回|返还|返回)$/;
/** The site as a sentence's subject ("本站…", "本店…"). */
const SITE_SUBJECT = /^(本站|本店|本平台|本商城)/;
/** A clause done "at the same time" as the one before ("…并同时发送到下单邮箱"). */
const SIMULTANEOUS = /^[^，,]{0,16}(同时|同步)/;
/** A step that follows from an application made before it ("可申请退款，审核通过后…退回"). */
const FOLLOW_UP = /^(审核|审批|核实|受理|确认)(通过|无误|完成)?后/;
/**
 * When delivery happens, said after a delivery promise ("…即时发卡，24小时不间断", "…一般5分钟
 * 内到账，高峰期不超过30分钟", "…，23:00后下单的于次日10:00前处理"): more of that promise.
 */
const ALL_HOURS = /^(7\s*[×xX*]\s*24|24\s*小时|全天)/;
const DELIVERY_TIME_TAIL =
  /^(7\s*[×xX*]\s*24|24\s*小时|全天)|\d+\s*(秒|分钟|小时)|\d{1,2}:\d{2}.{0,16}(前|内)(处理|发货|发卡|到账|完成)/;
/** A delivery tail that hedges or excuses ("高峰期可能延迟", "以实际到账为准"). */
const DELIVERY_HEDGE = /可能|为准|延迟|延误|顺延|除外|[请需须]|无法|不能|^您|^(但|除|仅|只)/;
/** Where what was delivered can be seen ("…自动发送兑换码，可在订单详情中查看"). */
const VIEW_TAIL = /^(可在|可于|可以在)[^，,]{0,16}(查看|查询)$/;
/** The refund offered when a remedy cannot be given ("…优先补发，无法补发的全额退款"). */
const FALLBACK_TAIL = /^(如|若)?(无法|不能|未能)(补发|更换|换新|换卡|补卡)/;

/**
 * The clauses of one sentence: split at commas where each side promises on its own
 * ("所有商品均为官方正品，假一赔十"); a condition stays with what it conditions
 * ("超过30分钟未到账的订单，联系客服核实后全额退款"), and so does each further consequence
 * of the same kind ("…，可申请全额退款，款项原路退回"); a tail that promises nothing by
 * itself stays with the promise before it ("…官方渠道充值，非盗号、非共享账号", "…自动发卡，
 * 兑换码直接显示在订单页面") unless it hedges, excuses or only gives a time, which is left
 * out; and the step after an application's review stays with the application ("可申请退款，
 * 审核通过后款项2个工作日内原路退回").
 */
function sentenceClauses(sentence: string): string[] {
  const pieces = sentence.split(/([，,])/);
  const units: string[] = [];
  let pending = '';
  // Whether the last unit opened with a condition: what follows it of the same kind is
  // more of the same consequence ("超过10分钟未发货的订单，可申请全额退款，款项原路退回").
  let conditioned = false;
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = (pieces[i] ?? '').trim();
    const comma = pieces[i + 1] ?? '';
    if (!piece) continue;
    const text = pending + piece;
    const hadCondition = pending !== '';
    pending = '';
    const nextPiece = (pieces[i + 2] ?? '').trim();
    // A condition, or a lead-in that promises nothing itself, goes with the promise after it.
    const leadIn =
      !promiseCategory(text) &&
      !NOISE.test(text) &&
      !/(?<![申邀])请/.test(piece) &&
      !/^请/.test(nextPiece) &&
      !OPERATOR.test(piece) &&
      !CONNECTIVE.test(nextPiece) &&
      nextPiece &&
      promiseCategory(nextPiece);
    if (((CONDITION.test(piece) && !/^请/.test(nextPiece)) || leadIn) && i + 2 < pieces.length) {
      pending = text + comma;
      continue;
    }
    const last = units.length - 1;
    const before = units[last] ?? '';
    const beforeCategory =
      last >= 0 && promising(before.replace(PROMISE_LABEL, ''))
        ? promiseCategory(before)
        : undefined;
    const category = promiseCategory(text);
    const delivered =
      beforeCategory === 'delivery' &&
      !hadCondition &&
      before.length + text.length < 40 &&
      ((!category && VIEW_TAIL.test(text)) ||
        // A tail of its own kind with its own subject ("…，人工代充商品2小时内完成充值") is a
        // promise apart; one opening with the hours it holds ("7×24小时秒到账") is not.
        ((!category || (category === 'delivery' && ALL_HOURS.test(text))) &&
          DELIVERY_TIME_TAIL.test(text) &&
          !DELIVERY_HEDGE.test(text) &&
          !NOISE.test(text) &&
          !CONTACT.test(text)));
    const fallback =
      beforeCategory === 'after-sales' &&
      before.length + text.length < 40 &&
      FALLBACK_TAIL.test(text) &&
      !NOISE.test(text);
    const joins =
      delivered ||
      fallback ||
      (beforeCategory !== undefined &&
        !hadCondition &&
        before.length + text.length < 40 &&
        !NOISE.test(text) &&
        !NEGATIVE.test(text) &&
        !NOT_A_COMMITMENT.test(text) &&
        !BRAND.test(text) &&
        !OTHER_LABEL.test(text) &&
        !CONTACT.test(text) &&
        // "…官方渠道充值，非盗号" / "…自动发卡，兑换码直接显示在订单页面": a tail that
        // promises nothing by itself says more about the promise before it.
        ((!category && (CONTINUATION.test(text) || (text.length >= 6 && !HEDGE.test(text)))) ||
          // "可申请退款，审核通过后款项…退回": the next step of the same procedure.
          (/申请/.test(before) && FOLLOW_UP.test(text)) ||
          // "…可随时申请退款，款项原路退回": where the money goes, more of the refund.
          (beforeCategory === 'refund' && ROUTE_ONLY.test(text)) ||
          // "…全额退款，1个工作日内原路到账": when and where that refund's money arrives.
          (beforeCategory === 'refund' &&
            (category === undefined || category === 'refund') &&
            REFUND_TAIL.test(text)) ||
          // "本站…商品付款后即时发卡，…类商品30分钟内到账": the site, as the sentence's
          // subject, makes one commitment of one kind across its clauses.
          (category === beforeCategory &&
            SITE_SUBJECT.test(before.replace(PROMISE_LABEL, '')) &&
            !CONDITION.test(text)) ||
          // "…自动发货，卡密显示在订单页并同时发送到下单邮箱": done alongside it.
          (category === beforeCategory && SIMULTANEOUS.test(text)) ||
          (category === beforeCategory && CONNECTIVE.test(text)) ||
          // "…自动发卡，平均3秒到账" / "…官方授权渠道采购，保证正品": how fast or how sure.
          (category === beforeCategory && /^(平均|最快|保证|确保)/.test(text)) ||
          // "…付款后自动发货，一般1分钟内到账": how soon that delivery usually arrives.
          (category === 'delivery' &&
            beforeCategory === 'delivery' &&
            /^(一般|通常)[^，,]{0,4}\d+\s*(秒|分钟|小时)内?[^，,]{0,2}(到账|发货|发卡|发出)$/.test(
              text,
            )) ||
          (conditioned && category === beforeCategory && !CONDITION.test(text))));
    if (joins) {
      units[last] = `${before}${pieces[i - 1] ?? '，'}${text}`;
      continue;
    }
    units.push(text);
    conditioned = hadCondition;
  }
  if (pending) units.push(pending.replace(/[，,]$/, ''));
  return units;
}

/** Whether a clause, read on its own, commits the platform to something. */
function promising(c: string): boolean {
  return (
    c.length >= 3 &&
    !NEGATIVE.test(c) &&
    !NOT_A_COMMITMENT.test(c) &&
    !BRAND.test(c) &&
    !TOPIC_ONLY.test(c) &&
    promiseCategory(c) !== undefined
  );
}

/**
 * The category of a promise read off a page: what the consequence promises when the clause
 * opens with conditions ("包赔期内账号被找回的，售后专员在24小时内受理并启动追回" is about
 * after-sales, not compensation).
 */
function clauseCategory(clause: string): PromiseCategory | undefined {
  const whole = promiseCategory(clause);
  if (whole === 'other' || STOCK_RESEND.test(norm(clause))) return whole;
  const pieces = clause.split(/[，,]/).map((x) => x.trim());
  let k = 0;
  while (k < pieces.length - 1 && CONDITION.test(pieces[k] ?? '')) k++;
  return (k > 0 && promiseCategory(pieces.slice(k).join('，'))) || whole;
}

/** A promise card's short title (缺货秒退, 无效包换, 极速到账): a topic word among 2–6. */
const TITLE_CUE = /^(?=[\p{Script=Han}]{2,6}$).*([退赔换保补秒]|发货|发卡|到账|售后|正品|官方)/u;

/** A promise's own title before a colon ("<b>自动发货</b>：付款成功后系统自动发卡…"). */
const HEADED = /^([\p{Script=Han}]{2,8})\s*[:：]\s*/u;

/**
 * A line without the promise's title before it: "假一赔十：售出假卡按订单金额十倍赔偿" states
 * its commitment after the colon; the title names it. A field (退款方式：原路退回) keeps its label.
 */
function withoutTitle(line: string): string {
  const m = HEADED.exec(line);
  if (!m) return line;
  const head = m[1] ?? '';
  const rest = line.slice(m[0].length);
  if (rest.length < 6 || NOT_A_COMMITMENT.test(head)) return line;
  // "缺货秒退：库存不足未能发货的，货款自动原路退回": a title naming the promise's topic
  // without a cue of its own, over a clause that promises.
  if (promiseCategory(head) || (TITLE_CUE.test(head) && promiseCategory(rest))) return rest;
  return line;
}

/** A sentence that introduces a list ("现将…说明如下：", "详见以下条款："). */
const INTRO = /(如下|以下|下列)[^，,]{0,8}[:：]?$/;

/**
 * One clause of a sentence read as a possible promise: its text, and the sentence's units
 * (label stripped) with its own place among them, so that a promise can be quoted whole.
 */
interface Clause {
  text: string;
  sentence: string;
  units: readonly string[];
  at: number;
}

function clausesOf(full: string): Clause[] {
  const out: Clause[] = [];
  const line = withoutTitle(full);
  // Banners and announcements around a promise are marketing, not commitments. In a
  // paragraph of prose, only the clause that markets is left out.
  const prose = line.length > 50;
  if (!prose && markets(line)) return out;
  // Questions (FAQ: "可以退款吗？") are not commitments; their answers may be.
  const answers = line.replace(/[^。！!？?\n]*[？?]/g, '\n');
  for (const sentence of answers.split(/[。；;！!\n·•|★☆✓✔√]|\s{2,}/)) {
    // "…，现将本站交易保障说明如下：" introduces what follows; it promises nothing itself.
    if (INTRO.test(sentence.trim())) continue;
    // Without its list number or title ("5如无法补发，…"), so that its first clause reads as
    // the condition it is.
    const body = sentence.trim().replace(PROMISE_LABEL, '');
    const raws = sentenceClauses(body);
    const units = raws.map((raw, k) => (k === 0 ? raw.replace(PROMISE_LABEL, '').trim() : raw));
    units.forEach((raw, at) => {
      const stripped = raw.replace(PROMISE_LABEL, '').trim();
      if (!stripped || (prose && markets(stripped))) return;
      // Instructions (请…) and how-to steps (①…) are not commitments.
      if (/^请|[①-⑩]|^第.步/.test(stripped)) return;
      // "假一赔十、不到账全额退款" is one sentence, quoted whole like any other.
      out.push({ text: stripped, sentence: body, units, at });
    });
  }
  return out;
}

/**
 * A promise quoted as its whole sentence ("所有卡密均来自官方渠道，假一赔十", "下单付款后
 * 1 分钟内自动发货，超时未发货可一键申请退款", "卡密如提示无效，请…联系客服，核实后补卡"):
 * the clause found, with the rest of its sentence on both sides. An instruction opening the
 * sentence ("确认无误后请联系客服，…") and clauses that market, give contacts or refuse are
 * left outside.
 */
function wholeSentence(c: Clause): string {
  const { units, at } = c;
  if (units.length < 2) return c.text;
  const apart = (u: string) =>
    NOISE.test(u) || CONTACT.test(u) || NEGATIVE.test(u) || BRAND.test(u) || OTHER_LABEL.test(u);
  let from = at;
  while (from > 0) {
    const u = units[from - 1] ?? '';
    // "确认无误后请联系客服，卡密确有问题的，…": an instruction before a new condition.
    const opens =
      from - 1 === 0 && /(?<![申邀])请/.test(u) && /^[^，,]*的([，,]|$)/.test(units[from] ?? '');
    if (apart(u) || opens) break;
    from--;
  }
  let to = at;
  while (to < units.length - 1 && !apart(units[to + 1] ?? '')) to++;
  if (from === at && to === at) return c.text;
  // The sentence's own text from the first unit to the last, its commas as written.
  let pos = 0;
  const spans = units.map((u) => {
    const start = c.sentence.indexOf(u, pos);
    pos = start < 0 ? pos : start + u.length;
    return start;
  });
  const start = spans[from] ?? -1;
  const end = (spans[to] ?? -1) + (units[to] ?? '').length;
  const joined =
    start >= 0 && spans.slice(from, to + 1).every((x) => x >= 0)
      ? c.sentence.slice(start, end).trim()
      : units.slice(from, to + 1).join('，');
  return joined.length > 90 ? c.text : joined;
}

/** Leading icon glyphs of a badge ("⚡ 自动发货", "🛡 假一赔十"). */
const ICON = /^[^\p{L}\p{N}「“"'(（【《[]+/u;

/**
 * A strip of badges ("⚡ 自动发货 / ✔ 官方正品 / ♻ 售后无忧 / 🛡 假一赔十", "十年老店 /
 * 官方授权 / 7×24小时自动发货"): three or more short siblings, half of them slogans or
 * claims that promise nothing (十年老店). Each names a selling point; the commitments, if
 * any, are stated elsewhere.
 */
function inBadgeStrip(el: Element): boolean {
  const items = Array.from(el.parentElement?.children ?? []).map((c) =>
    lineText(c).replace(ICON, '').trim(),
  );
  if (items.length < 3 || items.some((t) => t.length > 10 || /[，,。；;]/.test(t))) return false;
  const slogans = items.filter((t) => GENERIC_HEADLINE.test(t)).length;
  const bare = items.filter((t) => GENERIC_HEADLINE.test(t) || !promiseCategory(t)).length;
  return slogans > 0 && bare * 2 >= items.length;
}

/**
 * Whether an element sits in one card of a product listing (a search grid or shelf: sibling
 * cards alike in tag and class, each with its own ¥ price). A card's title ("…200元 CDK
 * 官方正品") and tags (自动发货 / 假一赔十) describe the goods; they commit nobody.
 * (Only lines without a sentence's punctuation are taken for such titles and tags.)
 */
function inListing(el: Element): boolean {
  let card: Element | null = el;
  for (let depth = 0; card?.parentElement && depth < 5; depth++, card = card.parentElement) {
    const cls = card.getAttribute('class') ?? '';
    if (!cls && card.tagName !== 'LI') continue;
    const alike = Array.from(card.parentElement.children).filter(
      (c) =>
        c !== card &&
        c.tagName === card?.tagName &&
        (c.getAttribute('class') ?? '') === cls &&
        /[¥￥]\s*\d/.test(norm(c.textContent ?? '')),
    );
    if (alike.length >= 1 && /[¥￥]\s*\d/.test(norm(card.textContent ?? ''))) return true;
  }
  return false;
}

/** A buyer's review ("秒到账，已经第二次买了"): what a customer says, not the shop. */
const REVIEW_TEXT = /回购|第[二三四五几两\d]次(买|购|下单|来)|好评|五星|下次还|还会再?来|已经买了/;
function isReview(el: Element, text: string): boolean {
  // A buyer's masked name over the words ("m***n · 2026-11-30").
  // (Read off a leaf only: this runs for every line of the page.)
  const first = el.firstElementChild;
  const by = first?.childElementCount === 0 ? norm(first.textContent ?? '') : '';
  return (
    REVIEW_TEXT.test(text) ||
    (by !== text && /^\S{0,4}\*{2,}\S{0,4}(\s|·|$)/.test(by.trim())) ||
    el.closest(
      '[class*="review" i], [class*="comment" i], [class*="pingjia" i], [class*="evaluat" i]',
    ) !== null
  );
}

/**
 * A chat message ("收到，核实后给您补发" in a bubble under "阿澈 09:06:30"): what one person
 * said in a conversation, not a commitment the site publishes. Known bubble classes, or a
 * block right under its sender-and-time header.
 */
function inChatBubble(el: Element): boolean {
  if (
    el.closest(
      '[class*="bubble" i], [class~="bub"], [class*="msg-content" i], [class*="chat-content" i]',
    )
  )
    return true;
  const header = el.previousElementSibling;
  if (header === null) return false;
  const said = norm(lineText(header)).trim();
  return (
    /^[^\d\s:：，,。]{0,12}\s*\d{1,2}:\d{2}(:\d{2})?$/.test(said) ||
    // An exported record's "2026-11-25 21:03:11 晚星(1527384960)": time, then who spoke.
    /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+)?\d{1,2}:\d{2}(:\d{2})?\s+[^\s\d:：，,。]{1,16}\s*([(（<][^)）>]{1,40}[)）>])?$/.test(
      said,
    )
  );
}

/** Text without spaces, for finding a line inside the element that holds it. */
const squeeze = (t: string) => norm(t).replace(/\s+/g, '');

/**
 * The deepest element holding a line's whole text, when the line was read off an ancestor
 * (custom tags such as <uni-view> laid out as lines of <body>).
 */
function ownerOf(el: Element, text: string): Element {
  const want = squeeze(text);
  let at = el;
  for (;;) {
    const next = Array.from(at.children).find((c) => squeeze(c.textContent ?? '').includes(want));
    if (!next) return at;
    at = next;
  }
}

/** A row of short buttons or quick replies ("申请退款" "催发货"): each a control, none a sentence. */
function buttonBar(el: Element): boolean {
  const kids = Array.from(el.children);
  const loose = Array.from(el.childNodes).some(
    (n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '',
  );
  return (
    !loose &&
    kids.length >= 2 &&
    kids.every((c) => {
      const t = squeeze(c.textContent ?? '');
      return t.length > 0 && t.length <= 6 && !/[，,。；;]/.test(t);
    })
  );
}

/** A message with its sender's name beside its bubble. */
function holdsBubble(el: Element): boolean {
  return el.querySelector('[class*="bubble" i], [class*="msg-content" i]') !== null;
}

/**
 * The site's name leading a tagline ("星野发卡自动发卡" from a logo "星野发卡" and its small
 * "自动发卡 · 秒发货"): the name, from the page title's first part, then a slogan.
 */
function siteTagline(clause: string, title: string): boolean {
  // Any part of the title may be the name ("订单详情 - 柚子卡铺" over "柚子卡铺 自动发卡").
  const c = norm(clause);
  return title
    .split(/\s*[-_|–—·:：]\s*/)
    .map((part) => norm(part))
    .some(
      (name) =>
        name.length >= 2 &&
        c.startsWith(name) &&
        GENERIC_HEADLINE.test(c.slice(name.length).trim()),
    );
}

/**
 * A cell in a table's name column (包赔类型 → "一年包赔", 套餐名称): it names an option or
 * a plan; the commitments are stated elsewhere (a 处理方式 column may hold them).
 */
function namesAnItem(el: Element): boolean {
  const cell = el.closest('td');
  const row = cell?.parentElement;
  const header = cell?.closest('table')?.querySelector('tr');
  if (!cell || !row || !header || header === row) return false;
  const above = header.children[Array.from(row.children).indexOf(cell)];
  return (
    above !== undefined && /(类型|名称|类别|种类|项目|套餐|等级|规格|版本)$/.test(lineText(above))
  );
}

/**
 * A value cell of a record table, beside its field's header cell (退款去向 | 原路退回支付宝):
 * a fact about one record, not a commitment, unless the field names what the platform will
 * do (处理方式, 承诺内容).
 */
function fieldValueCell(el: Element): boolean {
  const cell = el.closest('td');
  if (!cell) return false;
  let head = cell.previousElementSibling;
  while (head && head.tagName !== 'TH') head = head.previousElementSibling;
  return (
    head !== null && !/处理|解决|承诺|保障|服务|赔付|补偿|内容|说明|政策|规则/.test(lineText(head))
  );
}

/** An estimate ("通常 1-10 分钟到账", "预计24小时内处理"): what usually happens, no commitment. */
const ESTIMATE = /^[^，,]{0,12}(通常|一般|预计|大约|大概|正常情况下?)/;

/** An order's outcome as it happened ("上游渠道充值失败，…"), not a condition ("…失败的订单"). */
const REPORTED_EVENT = /^[^，,的]{0,16}(失败|异常|已取消|已关闭)[，,]/;

/** Choices set apart by slashes ("补发 / 退款", "退款/退货"): options, not a sentence. */
const OPTIONS = /^[\p{Script=Han}]{2,4}(\s*[/／|｜]\s*[\p{Script=Han}]{2,4})+$/u;

/** A priced field ("包赔服务费(3个月)：¥20.00"): a charge on a bill, not a commitment. */
const PRICED = /[:：]\s*[-+]?\s*[¥￥]\s*\d[\d,]*(\.\d{1,2})?\s*(元)?$/;

/** A document's title ("…交易保障说明", "…购买须知"): it names the rules that follow. */
const DOCUMENT_TITLE = /^[^，,。\d]{2,14}(说明|须知|规则|政策|条款|声明|公告|指南)$/;

/** Whether the page shows an order's own number (订单号 YS2611271127094518). */
function showsOrder(doc: Document): boolean {
  return /订单(号|编号)\s*[:：]?\s*[A-Za-z]{0,6}\d{8,}/.test(norm(doc.body?.textContent ?? ''));
}

/**
 * Whether a clause was cut from a sentence at a comma ("…官方授权渠道，保证正品") or is one
 * of a list of commitments ("假一赔十、包退包换"), not a tag set apart by "·" or spaces.
 */
function commaClause(line: string, clause: string): boolean {
  const at = line.indexOf(clause);
  // A heading's number ("四、赔付承诺") is no list.
  const numbered = /^\s*[\d一二三四五六七八九十]+、$/.test(line.slice(0, at));
  return (
    at >= 0 &&
    ((/[，,、]/.test(line[at - 1] ?? '') && !numbered) ||
      /[，,、]/.test(line[at + clause.length] ?? ''))
  );
}

/**
 * The platform's commitments on a page: each clause that promises delivery, pay-outs,
 * refunds, after-sales service or genuine goods, with its exact text. Links, menus,
 * questions, disclaimers, label values (发货方式：自动发货) and marketing are left out.
 * A headline promise takes the line under it as its detail.
 */
export function findPromises(
  lines: readonly TextLine[],
  isValue: (el: Element) => boolean,
  isSiteName: (text: string) => boolean = () => false,
): FoundPromise[] {
  const found: FoundPromise[] = [];
  const seen = new Set<string>();
  let stepOf: Element | undefined;
  const title = lines[0]?.el.ownerDocument.title ?? '';
  // On an order's page, an estimate beside its status is a hint, not a commitment.
  const orderPage = lines[0] !== undefined && showsOrder(lines[0].el.ownerDocument);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    // A how-to step whose marker is drawn on a line of its own ("④" over "自动发货").
    // (A numbered sentence whose number is set apart by its style, "<span class="no"
    // style="position:absolute">1</span>本商品为自动发货，…", is a rule, not a step.)
    const step = stepOf === line.el && !/[，,。；;]/.test(line.text);
    stepOf = /^([①-⑩]|\d{1,2}[.、]?|第.步)$/.test(line.text.trim()) ? line.el : undefined;
    if (step || stepOf) continue;
    if (isValue(line.el) || isNavigation(line.el, line.text)) continue;
    const own = ownerOf(line.el, line.text);
    if (own !== line.el && (buttonBar(own) || inChatBubble(own) || holdsBubble(own))) continue;
    if (
      (!/[，,。；;]/.test(line.text) && inListing(line.el)) ||
      isReview(line.el, line.text) ||
      namesAnItem(line.el) ||
      fieldValueCell(line.el) ||
      inChatBubble(line.el) ||
      PRESENCE.test(line.text)
    )
      continue;
    // A scrolling notice ("<em>公告</em><div>…补货…　加站长微信…</div>", <marquee>): news
    // items run together, not the shop's standing terms.
    const label = line.el.previousElementSibling;
    const ticker =
      line.el.closest('marquee') !== null ||
      (label?.childElementCount === 0 &&
        /^(公告|通知|快讯|最新公告|系统公告)[:：]?$/.test((label.textContent ?? '').trim()));
    if (ticker) continue;
    // A section's title with its caption in small print ("热门游戏直充<small>官方渠道 · 自动到账
    // </small>") heads a shelf of goods; it is no sentence.
    if (line.el.querySelector(':scope > small') && !/[，,。；;]/.test(line.text)) continue;
    const footer = inFooter(line.el);
    // A footer's "云栖发卡 · 正品卡密自动发货": the site's name and its tagline.
    const signed = /^([^，,·|｜]{2,12})\s*[·|｜]/.exec(line.text.trim());
    const tagline = footer && signed !== null && !promiseCategory(signed[1] ?? '');
    const clauses = clausesOf(line.text).map((c) => ({
      ...c,
      text: c.text.replace(ICON, '').trim(),
    }));
    // "官方授权渠道 · 自动发货 · 7×24 小时客服": three or more selling points on one line, set
    // apart by dots, none a sentence, one a bare slogan: a strip of badges written as text.
    const items = line.text.split(/\s*[·•|｜]\s*/).filter(Boolean);
    const badge =
      inBadgeStrip(line.el) ||
      (items.length >= 3 &&
        items.every((t) => t.length <= 16 && !/[，,。；;]/.test(t)) &&
        items.some((t) => GENERIC_HEADLINE.test(t.replace(ICON, ''))));
    const slogans = clauses.length > 1 && clauses.every((c) => GENERIC_HEADLINE.test(c.text));
    for (const cl of clauses) {
      const clause = cl.text;
      // A closing note in brackets ("（每日 9:00–23:00）") does not make a sentence longer.
      const bare = clause.replace(/[(（][^()（）]*[)）]$/, '');
      // A condition with its consequence ("…发现卡密无效或已被使用的，平台核实后 12 小时内
      // 补发…") may run longer than a single clause.
      const most = /的[，,]/.test(bare) ? 60 : 40;
      // "本商品为运营商官方直充，付款后…到账": what the goods are leads the sentence; the
      // commitment after it gives the sentence its kind.
      const described = /^本(商品|产品|服务)(为|是|属于)/.test(clause);
      const rest = described ? clause.replace(/^[^，,]*[，,]/, '') : clause;
      if (described && (rest === clause || !promiseCategory(rest)) && cl.at < cl.units.length - 1)
        continue;
      if (clause.length < 3 || bare.length > most || NEGATIVE.test(clause)) continue;
      // A slogan on its own ("正品保障", "售后无忧", a badge "自动发货") names a topic; the
      // commitment, when there is one, is the sentence beside it. So does a strip of them.
      if (GENERIC_HEADLINE.test(clause) && !commaClause(line.text, clause)) continue;
      if (slogans || badge || (tagline && !/[，,]/.test(clause))) continue;
      // Tags and titles set apart by single spaces in the page's own text ("点卡 · 游戏卡
      // 一手货源", "Apple Store 充值卡 500元 电子卡密 秒发") are not sentences.
      if (
        /\p{Script=Han}\s\p{Script=Han}/u.test(clause) &&
        norm(line.el.textContent ?? '')
          .replace(/\s+/g, ' ')
          .includes(norm(clause))
      )
        continue;
      // Opening hours in a footer ("客服在线 8:00-24:00") are a schedule, not a promise.
      if (footer && /\d{1,2}:\d{2}\s*[-~～至到]\s*\d{1,2}:\d{2}/.test(clause)) continue;
      if (orderPage && ESTIMATE.test(clause)) continue;
      // "充值失败，款项将原路退回" beside an order's status reports what happened to it.
      if (orderPage && REPORTED_EVENT.test(clause)) continue;
      if (DOCUMENT_TITLE.test(clause)) continue;
      if (
        BRAND.test(clause) ||
        TOPIC_ONLY.test(clause) ||
        TOPIC_PAIR.test(clause) ||
        OPERATOR.test(clause) ||
        siteTagline(clause, title) ||
        NOT_A_COMMITMENT.test(
          clause.replace(/[，,][^，,]*$/, (t) => (VIEW_TAIL.test(t.slice(1)) ? '' : t)),
        ) ||
        ROUTE_ONLY.test(clause) ||
        isSiteName(clause)
      )
        continue;
      // Contact lines (7×24小时服务热线 0571-…) are not promises.
      if (/^(售后|退款|退换货?|赔付|服务)(政策|规则|说明|条款|须知|流程)$/.test(clause)) continue;
      if (OTHER_LABEL.test(clause) || CONTACT.test(clause) || PRICED.test(clause)) continue;
      // Options or buttons ("补发 / 退款") and a shop's bar ("青柚发卡 自动发货 进店 ›").
      if (OPTIONS.test(clause) || /(进店|›|»)\s*$/.test(clause)) continue;
      let category = clauseCategory(clause === rest ? clause : rest) ?? clauseCategory(clause);
      if (!category) continue;
      // Quoted as its whole sentence, the category of the clause that promises first.
      const text = wholeSentence(cl).replace(ICON, '').trim();
      // "在线时间内提交的售后申请，1 小时内给出处理结果": an answer within hours, in a
      // sentence about after-sales, is after-sales; only goods sent or credited are delivery.
      if (
        category === 'delivery' &&
        /售后|投诉|工单/.test(text) &&
        !/发货|到账|发卡|充值|交付|交号|交货|发放|发送/.test(clause)
      )
        category = 'after-sales';
      const key = norm(text);
      if (seen.has(key)) {
        const same = found.find((p) => norm(p.text) === key && p.el === line.el);
        if (same && text !== clause) same.clauses++;
        continue;
      }
      seen.add(key);
      const promise: FoundPromise = { text, category, el: line.el, inFooter: footer, clauses: 1 };
      // A short headline whose next sibling is a longer sentence: a promise card. The
      // sentence states the commitment ("正品保障" over "官方授权渠道，假一赔十"): its
      // clauses are the promises, the headline only when it promises nothing more.
      const next = lines[i + 1];
      if (
        next &&
        clause === line.text.trim() &&
        clause.length <= 14 &&
        next.el === line.el.nextElementSibling &&
        (next.el.tagName !== line.el.tagName || next.el.className !== line.el.className) &&
        clausesOf(next.text).some((c) => promising(c.text))
      ) {
        seen.delete(key);
        continue;
      }
      if (
        next &&
        clause === line.text.trim() &&
        clause.length <= 14 &&
        next.text.length > clause.length + 2 &&
        next.el === line.el.nextElementSibling &&
        (next.el.tagName !== line.el.tagName || next.el.className !== line.el.className)
      ) {
        const detailPromises =
          GENERIC_HEADLINE.test(clause) &&
          clausesOf(next.text).some(
            (c) => c.text.length >= 3 && !NEGATIVE.test(c.text) && promiseCategory(c.text),
          );
        if (detailPromises) {
          seen.delete(key);
          continue;
        }
        if (next.text.length < 12) {
          found.push(promise);
          continue;
        }
        promise.detail = next.text;
        i++;
      }
      found.push(promise);
    }
  }
  return found;
}

/** Writes promises in contract 1's shape and records where each came from. */
export function promiseFacts(found: readonly FoundPromise[], sources: SourceMap) {
  return found.map((p, i) => {
    sources[`promises.${i}`] = sourceOf(p.el, p.text);
    return { text: p.text, category: p.category, ...(p.detail ? { detail: p.detail } : {}) };
  });
}
