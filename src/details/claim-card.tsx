import type { Claim, Figure, Scenario, Source } from '../scenario/schema.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { isHttpUrl } from '../lib/url.ts';
import { supersededBy } from '../scenario/derive/time.ts';
import { i18n, useT } from '../i18n/index.ts';

/** "about 1,500 troops moved to Russia" ("etwa 1.500 …"), in the UI's language. */
export function figureText(f: Figure, t = i18n.t): string {
  return `${t(`q.${f.qualifier}`, { n: formatNumber(f.value) })} ${f.unit} ${f.scope}`;
}

function SourceLink({ source }: { source: Source }) {
  const text = `${source.publisher}: ${source.title}`;
  return (
    <li className="source">
      {isHttpUrl(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        <span>{text}</span>
      )}{' '}
      <time dateTime={source.date}>({formatDate(source.date)})</time>
      {source.note && <span className="source-note"> {source.note}</span>}
    </li>
  );
}

/** Who said it, when, with which figure, and where it was published. */
export function ClaimBody({ claim, scenario, asOf }: { claim: Claim; scenario: Scenario; asOf?: string | undefined }) {
  const newer = asOf ? supersededBy(scenario, claim, asOf) : null;
  const sources = claim.sourceIds.flatMap((id) => scenario.sources.filter((s) => s.id === id));
  const who = [claim.claimant.person, claim.claimant.office].filter(Boolean).join(', ');
  const { t } = useT();
  return (
    <>
      <p className="claim-statement">{claim.statement}</p>
      <p className="claim-meta">
        <span className="claim-who">{who}</span> · <time dateTime={claim.date}>{formatDate(claim.date)}</time>
        <span className={`confidence confidence-${claim.confidence}`}> · {t(`conf.${claim.confidence}`)}</span>
      </p>
      {claim.figure && (
        <p className="claim-figure">
          <span className={`figure-kind figure-${claim.figure.kind}`}>{t(claim.figure.kind === 'forecast' ? 'c.forecast' : 'c.figure')}</span>{' '}
          <span className={newer ? 'figure-superseded' : undefined}>{figureText(claim.figure, t)}</span>
        </p>
      )}
      {newer && newer.figure && (
        <p className="superseded">
          {t('c.superseded', { date: formatDate(newer.date), who: newer.claimant.person ?? newer.claimant.office, figure: figureText(newer.figure, t) })}
        </p>
      )}
      {claim.quote && <blockquote className="claim-quote">“{claim.quote}”</blockquote>}
      <ul className="sources" aria-label={t('c.sources')}>
        {sources.map((s) => (
          <SourceLink key={s.id} source={s} />
        ))}
      </ul>
    </>
  );
}

/**
 * One claim. A corrected claim of the article is shown beside the record claims that correct
 * it, so the reader sees both versions and what changed.
 */
export function ClaimCard({ claim, scenario, asOf }: { claim: Claim; scenario: Scenario; asOf?: string }) {
  const { t } = useT();
  const origin = t(claim.origin === 'article' ? 'c.article' : 'c.record');
  if (claim.status !== 'corrected' || !claim.correctedBy?.length) {
    return (
      <article className={`claim claim-${claim.status}`} data-claim={claim.id}>
        <span className="claim-origin">{origin}</span>
        <ClaimBody claim={claim} scenario={scenario} asOf={asOf} />
      </article>
    );
  }
  const record = claim.correctedBy.flatMap((id) => scenario.claims.filter((c) => c.id === id));
  return (
    <article className="claim claim-corrected" data-claim={claim.id}>
      {claim.correction && <p className="correction">{claim.correction}</p>}
      <div className="side-by-side">
        <section aria-label={t('c.whatArticle')}>
          <h4>{t('c.articleSays')}</h4>
          <ClaimBody claim={claim} scenario={scenario} />
        </section>
        <section aria-label={t('c.whatRecord')}>
          <h4>{t('c.theRecord')}</h4>
          {record.map((r) => (
            <div key={r.id} className="record-claim" data-claim={r.id}>
              <ClaimBody claim={r} scenario={scenario} />
            </div>
          ))}
        </section>
      </div>
    </article>
  );
}
