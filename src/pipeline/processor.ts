/**
 * The one frozen unified processor: Markdown parsing (CommonMark + GFM +
 * front matter) and the normalization steps, each a small plugin. It is
 * configured once per process and reused for every article (`freeze()`).
 *
 * `processor.parse(file)` → mdast (Markdown reader);
 * `processor.run(mdast, file)` → normalized hast (both readers).
 */
import rehypeSanitize from 'rehype-sanitize'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import remarkDateline from './plugins/remark-dateline.js'
import remarkHeadingAttributes from './plugins/remark-heading-attributes.js'
import remarkTemplateSyntax from './plugins/remark-template-syntax.js'
import rehypeContentModel from './plugins/rehype-content-model.js'
import rehypeFootnoteLabels from './plugins/rehype-footnote-labels.js'
import rehypeHtml5 from './plugins/rehype-html5.js'
import rehypeRawHtml from './plugins/rehype-raw-html.js'
import rehypeReportUnsafe from './plugins/rehype-report-unsafe.js'
import rehypeStats from './plugins/rehype-stats.js'
import rehypeUrls from './plugins/rehype-urls.js'
import {sanitizeSchema} from './schema.js'

/** The frozen processor. */
export const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  // mdast normalization
  .use(remarkDateline)
  .use(remarkHeadingAttributes)
  .use(remarkTemplateSyntax)
  // mdast → hast, raw HTML parsed into the tree, then made safe
  .use(remarkRehype, {allowDangerousHtml: true, clobberPrefix: ''})
  .use(rehypeFootnoteLabels)
  .use(rehypeRawHtml)
  .use(rehypeReportUnsafe)
  .use(rehypeSanitize, sanitizeSchema)
  // hast normalization
  .use(rehypeUrls)
  .use(rehypeContentModel)
  .use(rehypeHtml5)
  .use(rehypeStats)
  .freeze()
