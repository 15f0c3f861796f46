// CVE identifiers and the products named in a notice (`Apache Struts2`, `Google フォーム`, `FortiOS`).
// Products come from a vocabulary of widely deployed software and services, not from any one sample: a rule
// that guesses products from capitalised words would flood the list with company and place names.

export interface TermMention {
  value: string;
  start: number;
  end: number;
}

const CVE = /\bCVE-(\d{4})-(\d{4,7})\b/gi;

export function findCves(text: string): TermMention[] {
  const seen = new Set<string>();
  const out: TermMention[] = [];
  CVE.lastIndex = 0;
  for (let m = CVE.exec(text); m !== null; m = CVE.exec(text)) {
    const value = `CVE-${m[1]}-${m[2]}`;
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Names as they are usually written; a trailing version (`Struts 2`, `Exchange Server 2019`) is kept.
const PRODUCT_NAMES = [
  'Apache Struts', 'Apache Log4j', 'Log4j', 'Apache HTTP Server', 'Apache Tomcat', 'Tomcat', 'OpenSSL', 'OpenSSH',
  'Microsoft Exchange Server', 'Microsoft Exchange', 'Exchange Server', 'Microsoft 365', 'Office 365', 'Microsoft Office',
  'Microsoft Word', 'Microsoft Excel', 'Microsoft Teams', 'Microsoft Edge', 'Internet Explorer', 'SharePoint', 'OneDrive',
  'Outlook', 'Windows Server', 'Windows', 'Active Directory', 'Azure AD', 'Entra ID', 'Remote Desktop',
  'Google フォーム', 'Google Forms', 'Google ドライブ', 'Google Drive', 'Google Workspace', 'Google Chrome', 'Chrome',
  'Firefox', 'Safari', 'iOS', 'iPadOS', 'macOS', 'Android',
  'FortiOS', 'FortiGate', 'FortiClient', 'FortiWeb', 'Pulse Connect Secure', 'Ivanti Connect Secure', 'Pulse Secure',
  'Citrix ADC', 'Citrix Gateway', 'NetScaler', 'Cisco ASA', 'Cisco IOS XE', 'Cisco IOS', 'Palo Alto PAN-OS', 'PAN-OS',
  'SonicWall', 'Barracuda ESG', 'VMware vCenter', 'VMware ESXi', 'VMware Horizon', 'ESXi', 'vCenter',
  'MOVEit Transfer', 'MOVEit', 'GoAnywhere', 'Confluence', 'Jira', 'GitLab', 'GitHub', 'Jenkins', 'Zimbra',
  'WordPress', 'EC-CUBE', 'Magento', 'Drupal', 'Joomla', 'Movable Type', 'PHP', 'Struts',
  'Salesforce', 'Slack', 'Zoom', 'Box', 'Dropbox', 'kintone', 'Sansan', 'LINE', 'Teams', 'Amazon S3', 'AWS', 'Azure',
  'Oracle WebLogic', 'WebLogic', 'Oracle Database', 'SAP', 'Adobe Acrobat', 'Acrobat Reader', 'Adobe Reader',
  'Adobe ColdFusion', 'Flash Player', 'Java', 'Emotet',
  'UTM', 'VPN',
];

// Generic words that are products only in the company of a vendor; alone they are noise in Japanese text.
const TOO_GENERIC = new Set(['UTM', 'VPN', 'Emotet', 'Java', 'PHP', 'LINE', 'Box', 'Teams', 'Zoom', 'SAP', 'Windows', 'Chrome', 'Outlook', 'AWS', 'Azure', 'Struts']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PRODUCT_PATTERN = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?<name>${PRODUCT_NAMES.filter((p) => !TOO_GENERIC.has(p))
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, '[ \\t]?'))
    .join('|')})(?<ver>[ \t]?\d{1,4}(?:\.\d{1,3}){0,2})?(?![A-Za-z])`,
  'gi',
);

/** Key that makes `Apache Struts2` and `Apache Struts 2` the same product. */
function productKey(value: string): string {
  return value.replace(/\s+/g, '').replace(/\d+(?:\.\d+)*$/, '').toLowerCase();
}

// The named system or service that failed or was abused, quoted: `IaaSシステム「Jip-Base」`,
// `『リクナビDMPフォロー』サービス`. A quoted site name (`「象印でショッピング」サイト`) is a shop, not a product.
const QUOTED_SYSTEM = /(?:システム|基盤|ソフトウェア|アプリ|ツール)[「『](?<a>[^」』\n]{2,30})[」』]|[「『](?<b>[^」』\n]{2,30})[」』](?:サービス|システム)(?![^\n]{0,2}(?:サイト|ページ))/g;

export function findProducts(text: string): TermMention[] {
  const seen = new Set<string>();
  const out: TermMention[] = [];
  QUOTED_SYSTEM.lastIndex = 0;
  for (let m = QUOTED_SYSTEM.exec(text); m !== null; m = QUOTED_SYSTEM.exec(text)) {
    const value = (m.groups?.a ?? m.groups?.b ?? '').trim();
    if (value.length < 2 || /サイト|ページ|ショップ|ストア|について|の/.test(value)) continue;
    const start = m.index + m[0].indexOf(value);
    const key = productKey(value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ value, start, end: start + value.length });
  }
  PRODUCT_PATTERN.lastIndex = 0;
  for (let m = PRODUCT_PATTERN.exec(text); m !== null; m = PRODUCT_PATTERN.exec(text)) {
    const value = m[0].trim();
    const key = productKey(value);
    // `Microsoft Exchange Server` then `Exchange Server`: the shorter name is the same product.
    if (seen.has(key) || [...seen].some((k) => k.endsWith(key) || k.startsWith(key))) continue;
    seen.add(key);
    out.push({ value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
