/**
 * What the configuration leaves unset that a publisher must not miss,
 * reported once per build on the build's own file, whatever the cache kept:
 * `site.url` (every absolute link would point at the placeholder) and, when
 * the newsletter runs, its one-click unsubscribe URL.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {placeholderSiteUrl, type ResolvedConfig} from '../config.js'
import {diagnostics, report} from '../diagnostics.js'
import {newsletterDefaults} from '../emitters/newsletter/options.js'

/**
 * Report the configuration's missing essentials, on a file named after the
 * configuration file (editors and CI annotations open it), or on the build's
 * own file without one.
 *
 * @param config
 *   Resolved configuration.
 * @param names
 *   Active emitters of this build.
 * @param buildFile
 *   The build's own file.
 * @returns
 *   The file the messages are on.
 */
export function warnAboutConfig(config: ResolvedConfig, names: readonly string[], buildFile: VFile): VFile {
  const file = config.configFile ? new VFile({path: path.relative(process.cwd(), config.configFile) || config.configFile}) : buildFile
  const where = config.configFile
    ? `\`${path.relative(process.cwd(), config.configFile) || config.configFile}\``
    : 'a `pressroom.config.ts` (`pressroom init` writes one)'
  const user = config.user as {site?: {url?: unknown}}
  if (user.site?.url === undefined) report(file, diagnostics.missingSiteUrl, [placeholderSiteUrl, where], {source: 'pressroom:config'})
  // The built-in's options only (an emitter of the publisher's own under that name has its own).
  const newsletter = config.builtins.newsletter
  if (newsletter !== false && names.includes('newsletter') && !newsletter?.unsubscribeUrl) {
    report(file, diagnostics.newsletterNoUnsubscribe, [newsletterDefaults.unsubscribePlaceholder, `\`builtins.newsletter.unsubscribeUrl\` of ${where}`], {source: 'pressroom:config'})
  }
  return file
}
