import type { DataProblem } from '../scenario/problems.ts';
import { useT } from '../i18n/index.ts';

/** Shown instead of a broken map when a scenario is invalid: every problem, with file and path. */
export function ErrorScreen({ problems }: { problems: DataProblem[] }) {
  const files = [...new Set(problems.map((p) => p.file))];
  const { t } = useT();
  return (
    <main className="error-screen">
      <div role="alert" className="error-card">
        <h1>{t('app.errTitle')}</h1>
        <p>{t('app.errText', { files: files.join(', '), count: problems.length })}</p>
        <ol className="problem-list">
          {problems.map((p, i) => (
            <li key={i}>
              <code className="problem-path">{p.path}</code> <span className="problem-message">{p.message}</span>
              <span className="problem-file"> ({p.file})</span>
            </li>
          ))}
        </ol>
      </div>
    </main>
  );
}
