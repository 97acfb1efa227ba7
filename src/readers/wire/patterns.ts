/**
 * The pattern tables of the wire reader, one per language: what a release
 * header, a document type, an issuer, a contact label, an end mark, a credit
 * line or a title under a name looks like in that language's house styles.
 * The classifier (`classify.ts`) reads features from these tables; a new
 * language or house style is a new row here, not a new branch there.
 *
 * All languages are tried on every text: copy often mixes them (an English
 * agency credit in a Sorani story), and a row of one language never matches
 * ordinary prose of another.
 */

/** One language's rows. Each entry is a regular expression source, matched case-insensitively against a whole line (trimmed). */
export interface PatternTable {
  /** Lines that say how the text is released: `FOR IMMEDIATE RELEASE`, `EMBARGOED UNTIL 00:01 GMT …`. */
  releaseNotes: string[]
  /** Document types, alone on a line: `Press Statement`, `Readout`, `Media Advisory`. */
  documentTypes: string[]
  /** Labels of a release number (`RELEASE: 07-44`, `Release No. 25-012`); the number follows. */
  releaseNumberLabels: string[]
  /** Issuers alone on a line: `Office of the Press Secretary`, `U.S. Department of State`. */
  issuers: string[]
  /** Labels opening a contacts block: `Media contact:`, `Contacts:`, `For more information, contact`. */
  contactLabels: string[]
  /** End marks: `-end-`, `-30-`, `###`, `# # #`, `ENDS`. */
  endMarks: string[]
  /** Words of a job title (a line under a name in a header block: `Spokesperson`, `Press Secretary`). */
  titleWords: string[]
  /** Closing credits naming the reporters (group `names`): `Reporting by …`, `… reported this story for …`. */
  reportingCredits: string[]
  /** A credit alone on a line (group `credit`): `Art: A and B`, `Photo courtesy of …`. */
  creditLines: string[]
  /** A line opening a photo caption without a credit: `Pictured: …`, `Above: …`. */
  captionOpeners: string[]
  /** Labels of a byline besides `By`: `Written by`, `Story by`. */
  bylineLabels: string[]
}

const en: PatternTable = {
  releaseNotes: [
    String.raw`for immediate release`,
    String.raw`immediate release`,
    String.raw`for release on .{1,60}`,
    String.raw`embargoed?(?: until| till| for release)?(?:[:\s].{0,80})?`,
    String.raw`not for publication before .{1,60}`,
    String.raw`hold for release.{0,60}`
  ],
  documentTypes: [
    String.raw`(?:joint |press |media |news |official )?(?:statement|release|advisory|readout|communiqu[eé])`,
    String.raw`(?:press|news|media) briefing`,
    String.raw`fact ?sheet`,
    String.raw`(?:background )?briefing`,
    String.raw`remarks`,
    String.raw`(?:prepared )?remarks(?: as prepared for delivery)?`,
    String.raw`transcript`,
    String.raw`speech`,
    String.raw`notes? to (?:editors|correspondents)`,
    String.raw`media note`,
    String.raw`notice to (?:editors|media)`,
    String.raw`photo release`,
    String.raw`news`,
    String.raw`press release`,
    String.raw`presidential (?:actions|message)`,
    String.raw`proclamation`
  ],
  releaseNumberLabels: [
    String.raw`(?:news |press |media )?release(?: no\.?| number| #)?`,
    String.raw`(?:media |news )?advisory(?: no\.?| number)?`,
    String.raw`statement(?: no\.?| number)`,
    String.raw`ref(?:erence)?(?: no\.?)?`,
    String.raw`no\.`,
    String.raw`pr(?: no\.?)?`
  ],
  issuers: [
    String.raw`(?:the )?office of (?:the )?.{3,60}`,
    String.raw`(?:the )?white house`,
    String.raw`(?:u\.s\. |us |united states )?department of .{3,60}`,
    String.raw`(?:the )?(?:ministry|embassy|consulate|mission|secretariat|directorate|bureau|agency|commission|council|presidency) (?:of|for) .{3,60}`,
    String.raw`.{2,60} (?:press office|press service|media office|media relations|newsroom|communications office|public affairs)`,
    String.raw`(?:press|media|public affairs|communications) (?:office|service|section|department|team)`
  ],
  contactLabels: [
    String.raw`(?:media |press |news |public )?(?:contacts?|inquiries|enquiries|relations)`,
    String.raw`for (?:more|further|additional) information(?:,? (?:please )?(?:contact|call|e-?mail|visit))?`,
    String.raw`(?:please )?contact`,
    String.raw`press office`,
    String.raw`media desk`
  ],
  endMarks: [
    String.raw`-+\s*(?:end|ends|30|xxx)\s*-+`,
    String.raw`(?:end|ends|xxx)`,
    String.raw`-?#(?:\s*#){2,}-?`,
    String.raw`[–—]\s*30\s*[–—]`,
    String.raw`\+{3}`
  ],
  titleWords: [
    'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'minister', 'director', 'deputy', 'officer', 'manager',
    'chief', 'head', 'president', 'vice', 'chair', 'chairman', 'chairwoman', 'ambassador', 'correspondent', 'reporter',
    'editor', 'producer', 'coordinator', 'adviser', 'advisor', 'counsel', 'commissioner', 'governor', 'mayor', 'senator',
    'representative', 'analyst', 'specialist', 'associate', 'assistant', 'communications', 'press', 'media', 'public',
    'affairs', 'relations', 'staff', 'writer', 'bureau', 'desk', 'news', 'service', 'program', 'programme', 'ceo', 'cfo'
  ],
  reportingCredits: [
    String.raw`\(?(?:additional )?reporting by (?<names>[^;()]{2,160}?)(?:[;,]? (?:in|from) [^;()]{2,60})?(?:;.*)?\)?\.?`,
    String.raw`(?:writing|compiled|written) by (?<names>[^;()]{2,120})(?:;.*)?\)?\.?`,
    String.raw`(?<names>\p{Lu}[^.;]{1,120}?) (?:reported|wrote) this (?:story|report|article)(?: (?:for|from) .{1,120})?\.?`,
    // Contributors are credited, not authors.
    String.raw`(?:\p{Lu}[^.;]{1,120}?) contributed (?:to )?(?:this )?(?:reporting|report|story)(?: from .{1,80})?\.?`
  ],
  creditLines: [
    String.raw`(?:art|artwork|illustrations?|photos?|photographs?|pictures?|images?|video|graphics?)(?: and (?:art|photos?|video|graphics?))?\s*(?:by|:)\s*(?<credit>.{2,120})`,
    String.raw`(?:photo|image|picture)s? (?:courtesy|credit)(?: of)?\s*:?\s*(?<credit>.{2,120})`,
    String.raw`courtesy(?: photo)?(?: of)?\s*:?\s*(?<credit>.{2,80})`
  ],
  captionOpeners: [
    String.raw`(?:pictured|above|below|top|bottom|inset|from left|left to right|l-r|file photo|in this photo|caption)\s*[:(-].*`,
    String.raw`(?:file )?photo: .+`
  ],
  bylineLabels: [String.raw`(?:written|story|words|text) by`]
}

/** Arabic house styles (agency copy, ministry statements). */
const ar: PatternTable = {
  releaseNotes: [String.raw`للنشر (?:الفوري|فوراً|فورا)`, String.raw`(?:ممنوع|يحظر) النشر (?:قبل|حتى) .{1,60}`],
  documentTypes: [String.raw`(?:بيان|بلاغ|تصريح)(?: صحفي| رسمي| مشترك)?`, String.raw`بيان للصحافة`, String.raw`(?:نشرة|مذكرة) (?:صحفية|إعلامية)`],
  releaseNumberLabels: [String.raw`(?:بيان|بلاغ) (?:رقم|رقم:)`, String.raw`رقم البيان`, String.raw`رقم`],
  issuers: [String.raw`(?:مكتب|وزارة|سفارة|رئاسة|دائرة|المكتب الإعلامي|الأمانة العامة) .{2,60}`],
  contactLabels: [String.raw`(?:للتواصل|للاستفسار|للاستفسارات|لمزيد من المعلومات|جهة الاتصال|الاتصال الإعلامي)(?: الإعلامي)?`],
  endMarks: [String.raw`(?:انتهى|-\s*انتهى\s*-|\(انتهى\))`],
  titleWords: ['المتحدث', 'الناطق', 'وزير', 'مدير', 'رئيس', 'مراسل', 'محرر', 'مستشار'],
  reportingCredits: [String.raw`(?:إعداد|تحرير|تقرير|كتابة)\s*:?\s*(?<names>[^.؛]{2,80})`],
  creditLines: [String.raw`(?:الصورة|صورة|تصوير|الصور)\s*:\s*(?<credit>.{2,80})`],
  captionOpeners: [String.raw`(?:في الصورة|الصورة)\s*:`],
  bylineLabels: [String.raw`(?:بقلم|كتب|كتبه|كتبت)`]
}

/** Sorani (Central Kurdish) house styles. */
const ckb: PatternTable = {
  releaseNotes: [String.raw`بۆ بڵاوکردنەوەی (?:دەستبەجێ|خێرا)`],
  documentTypes: [String.raw`(?:ڕاگەیەندراو|بەیاننامە|لێدوان)(?: ی)?(?: ڕۆژنامەوانی| فەرمی| هاوبەش)?`],
  releaseNumberLabels: [String.raw`ژمارە(?:ی ڕاگەیەندراو)?`],
  issuers: [String.raw`(?:نووسینگەی|وەزارەتی|ئەنجومەنی|سەرۆکایەتیی|فەرمانگەی|دەزگای) .{2,60}`],
  contactLabels: [String.raw`(?:بۆ پەیوەندی|پەیوەندی|بۆ زانیاریی زیاتر)(?: میدیایی| ڕاگەیاندن)?`],
  endMarks: [String.raw`(?:کۆتایی|-\s*کۆتایی\s*-)`],
  titleWords: ['وتەبێژ', 'وەزیر', 'بەڕێوەبەر', 'سەرۆک', 'پەیامنێر', 'نووسەر', 'ڕاوێژکار'],
  reportingCredits: [String.raw`(?:ئامادەکردنی|نووسینی|ڕاپۆرتی)\s*:?\s*(?<names>[^.]{2,80})`],
  creditLines: [String.raw`(?:وێنە|وێنەکان|فۆتۆ)\s*:\s*(?<credit>.{2,80})`],
  captionOpeners: [String.raw`(?:لە وێنەکەدا)\s*:`],
  bylineLabels: [String.raw`(?:نووسینی|لەلایەن)`]
}

/**
 * Month names of scripts chrono-node does not read (Arabic: Levantine and
 * Egyptian names; Sorani), month number by name.
 */
export const monthNames: Record<string, number> = {
  'كانون الثاني': 1, 'شباط': 2, 'آذار': 3, 'نيسان': 4, 'أيار': 5, 'حزيران': 6, 'تموز': 7, 'آب': 8, 'أيلول': 9,
  'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'مايو': 5, 'يونيو': 6, 'يوليو': 7, 'أغسطس': 8, 'سبتمبر': 9,
  'أكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
  'کانوونی دووەم': 1, 'شوبات': 2, 'ئازار': 3, 'نیسان': 4, 'ئایار': 5, 'حوزەیران': 6, 'تەممووز': 7, 'ئاب': 8,
  'ئەیلوول': 9, 'تشرینی یەکەم': 10, 'تشرینی دووەم': 11, 'کانوونی یەکەم': 12
}

/** The tables, by BCP 47 language. */
export const patternTables: Record<string, PatternTable> = {en, ar, ckb}

type Field = Exclude<keyof PatternTable, 'titleWords'>

const compiled = new Map<Field, RegExp>()

/**
 * One regular expression for a field: every language's rows, anchored to
 * the whole line, case-insensitive, Unicode.
 *
 * @param field
 *   Field of {@link PatternTable}.
 * @returns
 *   Expression.
 */
export function patternOf(field: Field): RegExp {
  let pattern = compiled.get(field)
  if (!pattern) {
    // Named groups may repeat across rows only once per expression: number them.
    let row = 0
    const rows = Object.values(patternTables).flatMap((table) => table[field])
      .map((source) => source.replace(/\(\?<(\w+)>/g, (_, name: string) => `(?<${name}${row++}>`))
    pattern = new RegExp(String.raw`^(?:${rows.map((source) => `(?:${source})`).join('|')})$`, 'iu')
    compiled.set(field, pattern)
  }
  return pattern
}

/**
 * The first named group of a match whose name starts with `name`.
 *
 * @param match
 *   Match of a {@link patternOf} expression.
 * @param name
 *   Group name without its number.
 * @returns
 *   Group text, or `undefined`.
 */
export function groupOf(match: RegExpExecArray, name: string): string | undefined {
  for (const [key, value] of Object.entries(match.groups ?? {})) if (key.startsWith(name) && value !== undefined) return value
  return undefined
}

/** Every language's job-title words, lower case. */
export const titleWords = new Set(Object.values(patternTables).flatMap((table) => table.titleWords))
