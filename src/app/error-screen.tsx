import type { DataProblem } from '../scenario/problems.ts';

/** Shown instead of a broken map when a scenario is invalid: every problem, with file and path. */
export function ErrorScreen({ problems }: { problems: DataProblem[] }) {
  const files = [...new Set(problems.map((p) => p.file))];
  return (
    <main className="error-screen">
      <div role="alert" className="error-card">
        <h1>This scenario cannot be shown</h1>
        <p>
          {files.join(', ')} has {problems.length} problem{problems.length === 1 ? '' : 's'}. Fix them and reload; nothing else was
          changed.
        </p>
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
