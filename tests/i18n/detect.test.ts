/**
 * Language detection from text: the script, then the letters that tell the
 * Arabic-script languages apart, then `franc` within the script.
 */
import {describe, expect, it} from 'vitest'
import {detectLanguage} from '../../src/i18n/detect.js'

const texts = {
  ckb: 'پەرلەمانی کوردستان ڕۆژی سێشەممە دەستی بە گفتوگۆکردن لەسەر پڕۆژەی بودجەی ساڵی داهاتوو کرد. سەرۆکی لیژنەی دارایی ڕایگەیاند کە بودجەکە گرنگی بە پەروەردە و تەندروستی دەدات.',
  fa: 'مجلس روز سه‌شنبه بررسی لایحهٔ بودجهٔ سال آینده را آغاز کرد. رئیس کمیسیون برنامه و بودجه گفت که این بودجه به آموزش و بهداشت توجه ویژه‌ای دارد.',
  ar: 'بدأ البرلمان يوم الثلاثاء مناقشة مشروع الموازنة العامة للسنة المالية المقبلة. وقال رئيس اللجنة المالية إن الموازنة تركز على قطاعي التعليم والصحة.',
  kmr: 'Parlamentoya Kurdistanê roja Sêşemê dest bi nîqaşa projeya budçeya sala bê kir. Serokê komîteya darayî ragihand ku budçe girîngiyê dide perwerde û tenduristiyê.',
  tr: 'Meclis salı günü gelecek mali yılın bütçe tasarısını görüşmeye başladı. Plan ve Bütçe Komisyonu başkanı, bütçenin eğitim ve sağlığa öncelik verdiğini söyledi.',
  en: 'Parliament began debating next year’s budget on Tuesday. The head of the finance committee said the budget gives priority to education and health.'
}

/** Headlines: too short for trigram statistics. */
const short = {
  ckb: 'هەولێر پایتەختی هەرێمی کوردستانە',
  fa: 'مجلس بودجهٔ سال آینده را بررسی می‌کند',
  ar: 'البرلمان يناقش الموازنة العامة',
  kmr: 'Hikûmeta Herêmê civiya',
  tr: 'Meclis bütçeyi görüşüyor',
  en: 'Parliament debates the budget'
}

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(texts)) {
    it(`should tell ${lang} in a paragraph`, () => {
      expect(detectLanguage(text, {prefer: 'en'})?.lang).toBe(lang)
    })
  }

  for (const [lang, text] of Object.entries(short)) {
    it(`should tell ${lang} in a headline`, () => {
      expect(detectLanguage(text, {prefer: 'en'})?.lang).toBe(lang)
    })
  }

  it('should not call Sorani Persian, as franc alone does', () => {
    const guess = detectLanguage(texts.ckb)
    expect(guess).toMatchObject({lang: 'ckb', script: 'Arabic'})
    expect(guess?.how).toMatch(/Sorani/)
  })

  it('should not call Kurmanji Sorani (another script)', () => {
    expect(detectLanguage(texts.kmr)).toMatchObject({lang: 'kmr', script: 'Latin'})
  })

  it('should keep the preferred language when the text fits it (short English is not Scots)', () => {
    expect(detectLanguage('The government said on Tuesday that new measures would be announced.', {prefer: 'en'})?.lang).toBe('en')
  })

  it('should go by the script the text is mostly written in', () => {
    // An English agency credit in a Sorani story.
    expect(detectLanguage(`${texts.ckb} (Photo: AFP, Reuters)`)?.lang).toBe('ckb')
    expect(detectLanguage('Москва заявила во вторник о новых мерах.')?.lang).toBe('ru')
    expect(detectLanguage('東京で会議が開かれた。')?.lang).toBe('ja')
  })

  it('should give up on a text without letters', () => {
    expect(detectLanguage('2025 — 12:30')).toBeUndefined()
  })
})

describe('detectLanguage in a site of another language', () => {
  it('should not take a few foreign names for the text’s language', () => {
    const english = 'Parliament began debating next year’s budget on Tuesday, said Ayşe Yılmaz, Çağrı Öztürk and Hêmin Elî of the finance committee. The budget gives priority to education and health, and a vote is expected at the end of the month.'
    expect(detectLanguage(english, {prefer: 'en'})?.lang).toBe('en')
  })

  it('should find a French article in an English site', () => {
    const french = 'Le Parlement a commencé mardi l’examen du projet de budget pour l’année prochaine. Le président de la commission des finances a déclaré que le budget donnait la priorité à l’éducation et à la santé.'
    expect(detectLanguage(french, {prefer: 'en'})?.lang).toBe('fr')
  })

  it('should find an English article in a Turkish site', () => {
    expect(detectLanguage('Parliament began debating next year’s budget on Tuesday. The head of the finance committee said the budget gives priority to education and health.', {prefer: 'tr'})?.lang).toBe('en')
  })
})

describe('detectLanguage with quoted names', () => {
  it('should keep an Arabic story Arabic when it names a Kurdish city in Sorani spelling', () => {
    expect(detectLanguage('قال المتحدث في مؤتمر صحفي عقد في مدينة هەولێر إن الحكومة ستعلن عن إجراءات جديدة لدعم القطاع الزراعي في المحافظات الشمالية خلال الأسابيع المقبلة.')?.lang).toBe('ar')
  })
})
