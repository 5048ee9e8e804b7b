/**
 * The rules behind the signal detector, in both languages: what the customer's words say about paying (paid,
 * promise, hardship, dispute, refusal), the three traps of the method (a reduction to settle, "we pay when our
 * client pays us", goods in place of money) and a new order or more supply asked for while money is owed.
 *
 * The rules know negation ("we cannot pay this month" is hardship, "not yet paid" is not paid), modality ("will be
 * paid" is a promise) and requests ("请尽快付款", "please remit" are our own reminder wording, not the customer's
 * promise); `reminder` is kept for capture, which has to tell our quoted reminder from the customer's answer.
 */
import { clauseBefore, type Hit } from '../capture/text';

export type RuleKind =
  | 'trap-discount'
  | 'trap-wait-for-our-client'
  | 'trap-goods-for-debt'
  | 'hardship'
  | 'refusal'
  | 'new-order'
  | 'dispute'
  | 'paid'
  | 'promise'
  | 'reminder';

const W = String.raw`(?:[\w']+\s+)`;
const PAY_OBJ = String.raw`(?:payment|wire|check|cheque|funds|money|remittance|transfer|ach)`;

const PAID: RegExp[] = [
  new RegExp(
    String.raw`\b(?:have|has|had)\s+(?:already\s+|just\s+|now\s+)?(?:been\s+)?(?:paid|remitted|transferred|wired|settled|sent\s+(?:the\s+|a\s+|our\s+)?${PAY_OBJ}|made\s+(?:the\s+|a\s+)?payment|processed\s+(?:the\s+)?payment)\b`,
    'gi',
  ),
  new RegExp(
    String.raw`\b${PAY_OBJ}s?\s+(?:has\s+been|have\s+been|was|were|is|got)\s+(?:already\s+|just\s+)?(?:sent|made|remitted|released|processed|initiated|wired|paid|mailed|issued|transferred|received)\b`,
    'gi',
  ),
  new RegExp(
    String.raw`\b(?:we|i)\s+(?:already\s+|just\s+)?(?:paid|remitted|wired|transferred|settled|sent\s+(?:the\s+|a\s+)?${PAY_OBJ})\b`,
    'gi',
  ),
  /\b(?:was|were|been)\s+paid\b/gi,
  new RegExp(
    String.raw`\b(?:received|got)\s+(?:the\s+|your\s+|a\s+|their\s+)?(?:payment|wire(?:\s+transfer)?|check|cheque|funds|remittance)\b`,
    'gi',
  ),
  /\b(?:paid\s+in\s+full|proof\s+of\s+payment|payment\s+confirmation|remittance\s+advice|wire\s+confirmation|bank\s+slip)\b/gi,
  /\bpayment\s+(?:sent|made|remitted|done|completed)\b/gi,
  /\b(?:have|has)\s+(?:only\s+)?been\s+able\s+to\s+pay\b/gi,
  /(?:已经?|早已|已于[^，。,.]{0,12}?)(?:安排了?|完成)?(?:付款|付了|付清|支付|打款|打了|转账|转了|汇款|汇出|汇了|结清|付过)/g,
  /(?:款|钱|货款|款项)(?:已经?|早就?)(?:付|打|汇|转|支付|到账|出账)/g,
  /(?:付|打|转|汇)(?:过去了|过了|出去了)/g,
  /水单|银行回单|付款回单|汇款回单|付款凭证|转账凭证|汇款凭证|银行回执|付款截图|转账截图/g,
  /收到(?:了)?(?:你们的|贵司的|您的)?(?:款|货款|付款|汇款|转账)/g,
];

const PROMISE: RegExp[] = [
  new RegExp(
    String.raw`\b(?:will|'ll|shall|going\s+to|plan\s+to|intend\s+to|expect\s+to|promise\s+to|commit\s+to|aim\s+to|be\s+able\s+to|can|could)\s+${W}{0,2}?(?:be\s+)?(?:pay|paid|remit|remitted|transfer|transferred|wire|wired|settle|settled)\b`,
    'gi',
  ),
  new RegExp(
    String.raw`\b(?:will|'ll|shall|going\s+to|plan\s+to|intend\s+to|expect\s+to|can|could)\s+${W}{0,2}?(?:send|make|process|release|issue|arrange|initiate|schedule|approve|cut|mail)\s+${W}{0,2}?${PAY_OBJ}`,
    'gi',
  ),
  new RegExp(
    String.raw`\b${PAY_OBJ}\s+(?:will|should|shall|is\s+expected\s+to|is\s+scheduled\s+to|is\s+going\s+to)\s+(?:be\s+)?(?:go\s+out|made|sent|released|processed|remitted|issued|paid|arrive|reach|wired)`,
    'gi',
  ),
  /\b(?:scheduled|approved|queued|set\s+up)\s+for\s+payment\b|\bpayment\s+(?:is\s+)?(?:scheduled|approved|in\s+process|in\s+progress|being\s+processed)\b|\bin\s+(?:our|the)\s+(?:next\s+)?payment\s+run\b/gi,
  /安排(?:一下)?(?:付款|打款|转账|支付|汇款|回款|付)/g,
  /(?:会|将|将会|准备|打算|计划|争取|尽量|预计|保证|承诺|可以)(?:在)?[^，。,.！？!?；;\n]{0,10}?(?:付款|支付|打款|转账|汇款|结清|付清|付掉|回款|打给|转给|汇给|还清|还上|还款|还钱|付(?![出]))/g,
  /(?:明天|后天|大后天|下周[一二三四五六日天]?|下个?月|月底|月末|本周|这周|周[一二三四五六日]|\d+号|[一二三四五六七八九十]+号|年底|年前|节前|月初|近期|尽快)(?:前|之前|以前|内|左右)?(?:应该|一定)?(?:就|会|再|先|能|可以)?(?:付款|付钱|付|打款|打钱|打过来|转账|转款|汇款|支付|结清|还清|还上|还款|安排)(?![过了])/g,
  /(?:明天|后天|下周[一二三四五六日天]?|下个?月|月底|月末|本周|这周|年底|年前|节前)(?:前|之前)?(?:一定|肯定|保证)/g,
  /走(?:付款|审批)?流程|在走流程|流程(?:中|在走|走完)|提交(?:了)?付款申请|付款申请(?:已)?提交|提交(?:给)?财务|财务(?:在|正在)?(?:处理|审批|走流程)|审批中|等(?:领导)?签字/g,
  /打款/g,
];

const HARDSHIP: RegExp[] = [
  /\b(?:cash\s*-?\s*flow|liquidity|tight\s+on\s+cash|cash\s+is\s+tight|short\s+(?:of|on)\s+(?:cash|funds)|insufficient\s+funds|hardship|bankrupt\w*|insolven\w*|restructuring)\b/gi,
  /\bfinancial(?:ly)?\s+(?:difficult\w*|trouble\w*|constraints?|distress|problems?|strain)\b|\bdifficult\s+(?:time|times|period|situation|month|quarter)\b|\bgoing\s+through\s+(?:a\s+)?(?:tough|hard|difficult)\b/gi,
  new RegExp(
    String.raw`\b(?:can(?:no|')t|can\s+not|unable\s+to|not\s+able\s+to|won'?t\s+be\s+able\s+to|will\s+not\s+be\s+able\s+to|couldn'?t)\s+${W}{0,2}?(?:pay|remit|settle|make\s+(?:the\s+|any\s+)?payments?)\b`,
    'gi',
  ),
  /\b(?:payment\s+plan|instal?lments?|defer(?:ral|\s+(?:the\s+)?payment)|postpone\s+(?:the\s+)?payment|more\s+time\s+to\s+pay|(?:payment|an?)\s+extension|extend\s+the\s+(?:due\s+date|deadline|payment))\b/gi,
  /资金紧张|资金困难|资金周转|周转困难|周转不[开过灵]|资金链|手头(?:有点)?紧|没钱|缺钱|付不[了出起]|暂时无法(?:付款|支付|付)|无法(?:按时)?(?:付款|支付)|没(?:办)?法付|经营困难|困难|延期付款|延迟付款|晚点付|晚些付|缓一缓|缓几天|宽限|分期(?:付款)?|预算(?:还)?没(?:有)?(?:批|下来|到位)|预算未(?:批|到位)|资金(?:还)?没(?:有)?到位|拨款(?:还)?没(?:有)?到|破产|现金(?:实在|真的)?没有|没有现金|拿不出(?:钱|现金)/g,
  /\b(?:fire|flood(?:ing)?|accident|storm|hurricane|earthquake|pandemic|lockdown|illness|hospitali[sz]ed|passed\s+away|laid\s+off|lost\s+(?:our|a|their)\s+(?:biggest|largest|main|major)\s+(?:customer|client|contract))\b/gi,
  /\b(?:froze|frozen|freeze)\b[^.;!?]{0,20}\baccounts?\b|\baccounts?\s+(?:was|were|is|are|has\s+been)\s+frozen\b/gi,
  /火灾|水灾|洪水|地震|事故|出事|疫情|封控|停产|停工|减产|倒闭|被查封|查封|账户(?:被)?冻结|冻结|住院|生病|病倒|去世|过世|裁员|工资都发不出/g,
];

const DISPUTE: RegExp[] = [
  /\b(?:wrong|incorrect|errors?|mistakes?|mistaken|discrepanc\w*|dispute\w*|disagree\w*|overcharg\w*|over-?billed|double[- ]?bill\w*|duplicate\s+invoice|re-?issue\w*|credit\s+(?:note|memo)|short[- ]?ship\w*|defect\w*|damaged|complain\w*|unsatisfied|quality\s+(?:issue|problem|complaint)s?|poor\s+quality)\b/gi,
  /\bdo(?:es)?\s*(?:n[o']t|not)\s+(?:match|agree)\b|\b(?:was|were|has|have)\s+(?:never|not)\s+(?:been\s+)?(?:provided|delivered|performed|rendered|completed)\b|\buntil\s+you\s+(?:fix|repair|replace|correct|resolve|redo)\b|\bnot\s+as\s+(?:agreed|ordered|quoted)\b|\breject(?:ed|s)?\b|\bnot\s+satisfied\b/gi,
  /\b(?:not|never)\s+(?:yet\s+)?received\s+(?:the\s+|your\s+|any\s+|our\s+)?(?:goods|invoice|shipment|delivery|items?|products?|order|services?)\b|\b(?:goods|shipment|delivery|order)\s+(?:was|were|has|have)?\s*(?:not|never)\s+(?:been\s+)?(?:received|delivered|arrived)\b/gi,
  /不对|有误|有错|错误|搞错|开错|写错|填错|弄错|错了|重开|重新开|重新出具|红冲|作废|质量(?:有|出了?)?问题|质量不|没收到货|未收到货|没到货|货没到|货未到|没收到发票|未收到发票|发票没收到|验收不合格|验收不通过|验收没通过|没(?:有)?验收|未验收|不合格|有异议|异议|争议|对不上|不符|少发|漏发|破损|损坏|(?:是|都是|有)坏的|坏了一半|退货|投诉|不满意|不认可|扣款/g,
];

const REMINDER: RegExp[] = [
  /\bplease\s+(?:kindly\s+)?(?:remit|pay|settle|arrange|make\s+(?:the\s+)?payment|process\s+(?:the\s+)?payment|transfer|wire|release)\b|\bkindly\s+(?:remit|pay|settle|arrange|make|process|release)\b/gi,
  /\b(?:overdue|past\s+due|friendly\s+reminder|payment\s+reminder|reminder|unpaid|final\s+notice|due\s+immediately)\b|\boutstanding\s+(?:balance|amount|invoices?|payments?)\b|\b(?:remains?|still)\s+(?:unpaid|outstanding)\b/gi,
  /\b(?:not\s+(?:yet\s+)?(?:been\s+)?paid|yet\s+to\s+(?:be\s+)?paid)\b|\b(?:have|has)\s*(?:n't|\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:paid|received\s+(?:your\s+|the\s+|any\s+)?payment)\b|\bpayment\s+(?:is\s+)?(?:now\s+)?(?:over)?due\b/gi,
  /请尽快(?:安排)?(?:付款|支付|打款|回款|结清|处理)|请(?:贵司|您)?(?:及时|尽快|于)[^。]{0,20}?(?:付款|支付|打款|结清)|烦请(?:安排|尽快)?(?:付款|支付)|麻烦(?:尽快)?安排(?:一下)?(?:付款|打款)|催款|催收|催缴|逾期|到期未付|尚未(?:付款|支付|结清)|还没(?:有)?(?:付款|打款|收到(?:款|货款|付款))|未收到(?:贵司|您的|你们的)?(?:款|货款|付款)|付款提醒|对账单|敬请(?:安排)?(?:付款|支付)/g,
];

/** A reduction asked for as the price of paying: the waiver note the first trap warns about. */
const TRAP_DISCOUNT: RegExp[] = [
  /\b(?:take|knock|shave|cut|give\s+us)\s+(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|[$€£¥]?\s*[\d,.]+k?|a\s+(?:bit|little|few\s+(?:points|percent)))\s+off\b/gi,
  /\b(?:accept|take|settle\s+(?:this|the\s+\w+|it|for)?\s*(?:for|at)?)\s+(?:\d+(?:\.\d+)?\s*(?:%|percent|cents\s+on\s+the\s+dollar)|less|a\s+(?:reduced|lower|smaller)\s+(?:amount|sum|figure)|(?:a\s+)?(?:one[- ]time\s+)?lump[- ]sum)(?!\w)/gi,
  /\blump[- ]sum\b[^.?!;]{0,60}\bto\s+settle\b/gi,
  /\b(?:full\s+and\s+final\s+settlement|settle\s+(?:this|the)\s+(?:account|balance|debt|invoice)s?\s+(?:in\s+full\s+)?for|settlement\s+offer|(?:offer|propose)\s+(?:a\s+)?(?:one[- ]time\s+)?(?:lump[- ]sum\s+)?(?:payment\s+)?to\s+settle)\b/gi,
  /\b(?:give|offer|grant)\s+us\s+(?:a\s+)?(?:\d+(?:\.\d+)?\s*%\s+)?(?:discount|reduction)\b/gi,
  /\b(?:waive|write\s+off|forgive|drop)\s+(?:the\s+)?(?:rest|remainder|balance|remaining\s+(?:balance|amount)|late\s+(?:fees?|charges?|interest)|interest|difference)\b/gi,
  /\b(?:if|provided|once)\s+you\s+(?:agree\s+to\s+|can\s+|could\s+|would\s+)?(?:give\s+us\s+|offer\s+us\s+|grant\s+us\s+)?(?:a\s+)?(?:discount|reduction|reduce\s+(?:the|your)\s+(?:amount|invoice|bill|price|balance))\b/gi,
  /打(?:个|一个)?(?:[一二三四五六七八九]|\d)(?:\.\d)?折|(?:[一二三四五六七八九]|\d)折(?:结|付|清|就)|打(?:个|点)?折|给(?:个|点)?折扣|折扣(?:价)?(?:结|付|清)|减免|免(?:掉|除)(?:一部分|部分|利息|违约金|滞纳金|尾款)|少付(?:一些|一点|点|些)?|抹(?:掉|个)?零|让(?:一)?(?:点|些)利|让(?:一)?(?:点|些)(?:价|钱)|优惠(?:一)?(?:点|些)(?:就|才|我们)|便宜(?:一)?点|[一二三四五六七八九]折(?:我们|就)|(?:违约金|滞纳金|利息|罚息|尾款|余款|零头)(?:就)?(?:免了|算了|不要了|别要了|免掉)|(?:剩下|余下|其余)的?(?:款|钱)?(?:就)?(?:不要了|算了|免了)|降(?:一)?点(?:就|我们)|(?:只|就)(?:能)?(?:付|给)(?:[一二三四五六七八九]成|百分之[一二三四五六七八九十]+|\d+%)|(?:付|给)(?:[一二三四五六七八九]成|百分之[一二三四五六七八九十]+|\d+%)(?:就|剩下|余下|其余)|剩下的?(?:就)?(?:算了|免了|不要了)|(?:余款|尾款|剩下的?)(?:免|算了|就不)|签.{0,6}(?:放弃|确认少付)/g,
];

/** The second trap: payment tied to money the customer is waiting for from someone else. */
const CLIENT_EN = String.raw`(?:(?:our|my)\s+(?:own\s+)?(?:(?:biggest|largest|main|major|key|end)\s+)?(?:client|customer|buyer|principal|main\s+contractor|general\s+contractor|debtors?|customers|clients)s?|the\s+(?:end\s+)?(?:client|customer|owner|main\s+contractor|general\s+contractor|government|ministry|agency|hospital|project\s+owner)|our\s+customers)`;
const TRAP_WAIT: RegExp[] = [
  new RegExp(
    String.raw`\b(?:until|till|unless|once|when|as\s+soon\s+as|after)\s+(?:${CLIENT_EN}|they)\s+(?:has\s+|have\s+|finally\s+|actually\s+)?(?:pays?|paid|settles?|settled|remits?|releases?\s+(?:the\s+)?(?:funds|money|payment))`,
    'gi',
  ),
  /\b(?:when|once|as\s+soon\s+as|until|till|after)\s+(?:we|i)\s+(?:get|are|have\s+been|receive|collect)\s+(?:paid|payment|the\s+money|our\s+money|from\s+our)\b/gi,
  /\bpaid\s+when\s+(?:we|i)\s+(?:get|are)\s+paid\b|\bpay[- ]when[- ]paid\b|\bpay[- ]if[- ]paid\b/gi,
  new RegExp(
    String.raw`\b${CLIENT_EN}\s+(?:still\s+)?(?:(?:has\s+not|hasn't|have\s+not|haven't|did\s+not|didn't)\s+(?:yet\s+)?(?:paid|pay|settled|remitted)|(?:is|are)\s+(?:\d+\s+days\s+|months\s+|weeks\s+)?(?:late|behind|slow)\s+(?:in\s+)?(?:paying|to\s+pay)|owes?\s+us)\b`,
    'gi',
  ),
  /\b(?:waiting|wait)\s+(?:on|for)\s+(?:(?:payment|money|funds)\s+from\s+)?(?:our|my)\s+(?:own\s+)?(?:client|customer|buyer|receivables?|debtors?)s?\b|\b(?:we\s+are|we're|i\s+am|i'm)\s+owed\s+money\s+(?:ourselves|myself|too|as\s+well)\b|\bowed\s+money\s+ourselves\b/gi,
  /(?:我们的?|我方|我司|我这边的?)?(?:客户|甲方|业主|上游|下游|总包|下家|买家|买方|终端|政府|医院|项目方)(?:那边|方面)?(?:的款|的钱)?(?:还|一直|迟迟|也)?(?:没有?|未|不)(?:有)?(?:给我们|给我|付给我们|跟我们)?(?:回款|付款|付钱|结款|结算|打款|给钱|付|给|结|拨款|到账)/g,
  /等(?:他们|她们|客户|甲方|业主|上游|下游|总包|下家|买家|项目方|政府|财政|医院|那边|对方)(?:那边)?(?:的)?(?:回款|付款|付了|付给我们|结了|打款|拨款|钱到|款到|钱下来|款下来|给钱|把[^，。,.！？；\n]{0,4}(?:款|钱))/g,
  /(?:用|拿|靠)[^，。,.！？；\n]{0,8}(?:客户|甲方|业主|下游)的?(?:应收账款|应收款|回款|货款|工程款)(?:来)?(?:支付|付|还|结)/g,
  /(?:回款|款|钱|工程款|货款|拨款)(?:一)?(?:到了?|回来了?|下来了?|到账了?|进来)(?:之后|以后)?(?:我们|我)?(?:再|就|才|马上|立刻|立即)(?:能)?(?:付|给|还|打|转|结)/g,
  /(?:别人|客户|甲方|业主|总包|上游|下游|下家|对方|他们)(?:还|也)?(?:欠|拖欠)(?:着)?(?:我们|我)|别人欠(?:的|我们的|我的)(?:款|钱|账)|(?:欠|应收)(?:我们)?(?:的)?(?:款|钱|账款)收不回来|(?:被|让)(?:人|客户|下游|甲方)拖欠|三角债|一环扣一环/g,
];

/** The third trap: goods, stock or property offered in place of money. */
const TRAP_GOODS: RegExp[] = [
  /\b(?:goods|stock|inventory|products?|materials?|merchandise|equipment|machines?|units|property|vehicles?|shares)\s+(?:instead|in\s+lieu|in\s+place)\s+of\s+(?:payment|cash|money|the\s+(?:payment|money|balance|invoice))\b/gi,
  /\b(?:pay|settle|payment)\s+(?:you\s+|it\s+|the\s+\w+\s+)?in\s+kind\b|\bbarter\b|\b(?:offset|set\s+off|swap|exchange|trade)\s+(?:the|our|this|part\s+of\s+the)?\s*(?:debt|balance|invoice|amount|bill)s?\s+(?:with|for|against)\s+(?:goods|stock|inventory|products?|materials?|equipment)\b/gi,
  /\b(?:take|accept)\s+(?:back\s+)?(?:some\s+)?(?:of\s+)?(?:our|the|this|these|those)\s+(?:goods|stock|inventory|products?|materials?|equipment|units)\s+(?:as|in|for)\s+(?:payment|settlement|part\s+payment|credit)\b/gi,
  /以(?:物|货|房|车|产品|设备|库存)(?:抵|顶|冲)(?:债|账|款|货款)?|(?:用|拿|以)[^，。,.！？；\n]{0,10}(?:货|产品|库存|设备|材料|房子?|车子?|酒|商品|原料|存货)[^，。,.！？；\n]{0,4}(?:来)?(?:抵|顶|冲)(?!扣)|抵(?:偿|顶)?(?:货款|欠款|债务|账款|未结货款)|抵债|顶账|抵账|(?:货|产品|库存|设备|材料|存货)[^，。,.！？；\n]{0,6}(?:可以|能|来)?抵给(?:你们|你|贵司)/g,
];

/** The customer says it will not pay, without naming a fault: a refusal. */
const REFUSAL: RegExp[] = [
  /\brefuse[sd]?\s+to\s+pay\b|\b(?:will\s+not|won'?t|are\s+not\s+going\s+to|aren'?t\s+going\s+to|am\s+not\s+going\s+to|do\s+not\s+intend\s+to|don'?t\s+intend\s+to|have\s+no\s+intention\s+of)\s+(?:be\s+)?pay(?:ing)?\b|\bwe\s+(?:do\s+not|don'?t)\s+owe\b|\bowe\s+you\s+nothing\b|\bsee\s+you\s+in\s+court\b|\b(?:go\s+ahead\s+and\s+)?sue\s+us\b|\bnot\s+paying\s+(?:this|that|it|you|the|until|unless|anything)\b|\b(?:refusal|refusing)\s+to\s+pay\b/gi,
  /拒付|拒绝(?:付款|支付|付|还款|结算)|不(?:会|打算|准备|想)(?:再)?(?:付|给|还|结)(?:款|钱|了|你们)?|不付(?:了|款)?(?!不)|不给(?:了|钱)|不还(?:了)?|没(?:有)?(?:义务|理由|必要)(?:付|支付|还|给)|爱怎么(?:办|样|着)就怎么(?:办|样|着)|随(?:便|你)(?:你)?(?:怎么|去)|(?:你们?|你)(?:去|就去|尽管)(?:告|起诉|法院)|去法院告|告(?:我们|吧)|(?:我们|我)不欠(?:你们|你)?|一分(?:钱)?(?:都|也)不(?:给|付)|要钱没有/g,
];

/** More goods or a new order asked for, which the method turns into leverage while money is owed. */
const NEW_ORDER: RegExp[] = [
  /\b(?:new|another|next|further|repeat|additional|fresh)\s+(?:purchase\s+)?(?:order|po|batch|shipment|delivery|consignment|project|lot)\b/gi,
  /\b(?:place|placing|send(?:ing)?\s+(?:you|over)?|put\s+in|raise|issue)\s+(?:an?\s+|another\s+|our\s+next\s+|the\s+)?(?:new\s+)?(?:purchase\s+)?(?:order|po)\b|\b(?:purchase\s+order|po)\s+(?:#\s*)?\d+\s+(?:is\s+)?attached\b|\breorder\b|\brestock\b|\border\s+(?:another|more|an\s+additional|a\s+further|a\s+new)\b/gi,
  /\b(?:ship|send|deliver|supply)\s+(?:us\s+)?(?:more|another|the\s+next|additional|extra)\s+(?:\d+\s+)?(?:\w+\s+)?(?:units|stock|goods|material|materials|batch|lot|shipment|pallets?|containers?|tons?|tonnes?|pieces|boxes)?\b|\b(?:need|want|require)\s+(?:more|another|additional)\s+(?:\d+\s+)?(?:units|stock|goods|supply|material|materials|batch|shipment|pallets?|containers?|tons?|tonnes?)\b|\bkeep\s+(?:the\s+)?(?:supply|shipments|deliveries)\s+(?:going|coming)\b|\bcontinue\s+(?:to\s+)?(?:supply|ship|deliver)(?:ing)?\b/gi,
  /新(?:的)?[^，。,.！？；\n]{0,4}(?:订单|单子|项目|合同|采购)|(?:先|再|来|要)(?:从你们(?:这里|那里|这边|那边))?(?:提货|拿货|进货|要货)|(?:再|又|还要|继续|追加|补)(?:下|订|签|采购|要)(?:一)?(?:个|批|单|笔|些)?(?:单|货|订单|合同)?|下(?:个|一个|一批)?(?:新)?(?:订单|单)(?:给你们|给你)?|追加(?:订单|采购|订货)|补货|(?:再|继续|先|赶紧|尽快)(?:发|供|送|安排)(?:一批|点|些)?(?:货|供货|发货)|继续(?:供货|发货|合作|拿货)|急需.{0,4}(?:货|材料|产品)|要(?:一)?批(?:新)?货|采购订单|订货|拿(?:一)?批货/g,
];

const NEG_EN =
  /(?:\bnot|\bnever|n't|\bno|\bunable\s+to|\bcannot|\bcan\s+not|\byet\s+to|\bnothing|\bwithout)\s+(?:[\w']+\s+){0,2}$/i;
const NEG_ZH = /(?:不|没有?|未|无法|尚未|还没有?|并未|暂不|别)[^，。,]{0,3}$/;
const REQUEST =
  /(?:\bplease\b|\bkindly\b|\bcould\s+you\b|\bcan\s+you\b|\bwould\s+you\b|请|烦请|麻烦|务必|希望贵司|望贵司)(.*)$/i;
const FIRST_PERSON = /\b(?:we|i)\b|我/i;
const FUTURE = /\b(?:will|shall|going\s+to|expected\s+to|expect\s+to|scheduled\s+to|plan\s+to)\s+(?:[\w']+\s+){0,3}$/i;
const OBLIGATION = /\b(?:should|must|need\s+to|needs\s+to|have\s+to|has\s+to)\s+(?:[\w']+\s+){0,2}$/i;
const CJK_CHAR = /[\u3400-\u9fff]/;

export type RuleHit = Hit<RuleKind>;

/** "能不能 / 可不可以 / 行不行" ask a question; their 不 negates nothing. */
const A_NOT_A = /(.)不\1|可不可以|是不是/g;

function negated(text: string, index: number, matchText: string): boolean {
  const before = clauseBefore(text, index, 30);
  if (CJK_CHAR.test(matchText)) return NEG_ZH.test(before.replace(A_NOT_A, '').slice(-4));
  return NEG_EN.test(before) || /\b(?:not|never)\b|n't/i.test(matchText);
}

function isRequest(text: string, index: number): boolean {
  const m = REQUEST.exec(clauseBefore(text, index, 40));
  return !!m && !FIRST_PERSON.test(m[1]);
}

function scan(text: string, res: RegExp[], fn: (m: RegExpExecArray) => RuleKind | null, out: RuleHit[]) {
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (!m[0]) {
        re.lastIndex++;
        continue;
      }
      const kind = fn(m);
      if (kind) out.push({ index: m.index, end: m.index + m[0].length, text: m[0], value: kind });
    }
  }
}

const overlap = (a: RuleHit, b: { index: number; end: number }) => a.index < b.end && b.index < a.end;

/** The sentence bounds around a hit, for rules that judge a whole sentence ("if you agree to … we can close"). */
function sentenceOf(text: string, index: number): { index: number; end: number } {
  const before = text.slice(0, index);
  const start = Math.max(
    ...['。', '！', '？', '!', '?', '；', ';', '\n\n', '. '].map((c) => {
      const i = before.lastIndexOf(c);
      return i < 0 ? 0 : i + c.length;
    }),
  );
  const rest = text.slice(index);
  const ends = ['。', '！', '？', '!', '?', '；', ';', '\n\n', '. '].map((c) => rest.indexOf(c)).filter((i) => i >= 0);
  return { index: start, end: index + (ends.length ? Math.min(...ends) : rest.length) };
}

/** The three traps, refusal and new order: present unless the clause negates them ("we won't place a new order"). */
function scanCustomerMoves(text: string, out: RuleHit[]) {
  scan(
    text,
    TRAP_DISCOUNT,
    (m) => (negated(text, m.index, m[0]) && !/减免|少付|放弃/.test(m[0]) ? null : 'trap-discount'),
    out,
  );
  scan(text, TRAP_WAIT, () => 'trap-wait-for-our-client', out);
  scan(text, TRAP_GOODS, (m) => (negated(text, m.index, m[0]) ? null : 'trap-goods-for-debt'), out);
  scan(
    text,
    REFUSAL,
    (m) => {
      // "如果不付" / "if you do not pay" is our own warning, not the customer's refusal.
      if (/\b(?:if|unless)\b|如果|若|否则|逾期/.test(clauseBefore(text, m.index, 20))) return null;
      if (/^不(?:付|给|还)/.test(m[0]) && /(?:会|能|得|可)$/.test(text.slice(Math.max(0, m.index - 1), m.index)))
        return null;
      return 'refusal';
    },
    out,
  );
  scan(
    text,
    NEW_ORDER,
    (m) => {
      if (negated(text, m.index, m[0])) return null;
      // "停止供货 / 暂停发货 unless paid" and "no further shipment" are ours, not the customer's request.
      if (/停|暂停|不再|suspend|hold|stop/i.test(clauseBefore(text, m.index, 10))) return null;
      return 'new-order';
    },
    out,
  );
}

/** Every signal the rules find, with its span, in order of position. */
export function findRuleHits(text: string): RuleHit[] {
  const out: RuleHit[] = [];
  scanCustomerMoves(text, out);
  const refusals = out.filter((s) => s.value === 'refusal');
  scan(
    text,
    DISPUTE,
    (m) => {
      const before = clauseBefore(text, m.index, 30);
      const neg = CJK_CHAR.test(m[0])
        ? NEG_ZH.test(before.slice(-4)) && !/^(?:没|未|不)/.test(m[0])
        : NEG_EN.test(before);
      return neg ? null : 'dispute';
    },
    out,
  );
  scan(
    text,
    HARDSHIP,
    (m) => {
      if (/^(?:no|not)\b/i.test(clauseBefore(text, m.index, 8).trim())) return null;
      const span = { index: m.index, end: m.index + m[0].length };
      return refusals.some((r) => overlap(r, span)) ? null : 'hardship';
    },
    out,
  );
  scan(
    text,
    PAID,
    (m) => {
      const before = clauseBefore(text, m.index, 40);
      if (negated(text, m.index, m[0])) return 'reminder';
      if (/[a-z]/i.test(m[0]) && FUTURE.test(before)) return 'promise';
      if (/[a-z]/i.test(m[0]) && OBLIGATION.test(before)) return 'reminder';
      return 'paid';
    },
    out,
  );
  const paidSpans = out.filter((s) => s.value === 'paid' || s.value === 'reminder');
  const waits = out.filter((s) => s.value === 'trap-wait-for-our-client');
  const conditions = out.filter(
    (s) => s.value === 'trap-wait-for-our-client' || s.value === 'trap-discount' || s.value === 'trap-goods-for-debt',
  );
  scan(
    text,
    PROMISE,
    (m) => {
      const span = { index: m.index, end: m.index + m[0].length };
      if (paidSpans.some((p) => overlap(p, span))) return null;
      if (/[付款账汇打转]$/.test(m[0]) && /^(?:已|了|过)/.test(text.slice(span.end, span.end + 1))) return null;
      if (/已经?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) return null;
      const after = text.slice(span.end, span.end + 3);
      if (/^不[了出起]/.test(after)) return 'hardship';
      if (/\b(?:not|never)\b|n't/i.test(m[0])) return null;
      if (negated(text, m.index, m[0])) {
        const before = clauseBefore(text, m.index, 12);
        if (/无法|不能|没法|没办法|暂时|暂不/.test(before)) return 'hardship';
        return CJK_CHAR.test(m[0]) ? 'dispute' : null;
      }
      if (isRequest(text, m.index) || /\byou\b/i.test(m[0])) return 'reminder';
      if (/\b(?:if|whether|unless)\b|如果|是否|假如|要是/i.test(clauseBefore(text, m.index, 80))) return null;
      // "we will pay once our client pays us" and "20% off and we pay Friday" are traps, not commitments.
      const sentence = sentenceOf(text, m.index);
      if (conditions.some((w) => overlap(w, sentence))) return null;
      return 'promise';
    },
    out,
  );
  scan(text, REMINDER, () => 'reminder', out);
  // "has not been paid" is a reminder, never also a payment; a trap's "can't pay until…" is the trap, not hardship.
  const reminders = out.filter((s) => s.value === 'reminder');
  const kept = out.filter((s) => {
    if (s.value === 'paid' && reminders.some((r) => overlap(r, s))) return false;
    if (s.value === 'hardship' && waits.some((w) => overlap(w, sentenceOf(text, s.index)))) return false;
    if (s.value === 'dispute' && refusals.some((r) => overlap(r, s))) return false;
    return true;
  });
  kept.sort((a, b) => a.index - b.index || a.end - b.end);
  return kept;
}
