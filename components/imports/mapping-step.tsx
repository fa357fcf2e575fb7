'use client';

import { Button } from '@/components/ui/button';
import { FormError, inputClass } from '@/components/ui/field';
import { csvFields, mappingProblems, type ColumnMapping } from '@/lib/csv/fields';

/** Step 2: which column of the file holds which field, with the first rows' values as a guide. */
export function MappingStep({
  fileName,
  headers,
  sample,
  mapping,
  onChange,
  onBack,
  onNext,
}: {
  fileName: string;
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const problems = mappingProblems(mapping);
  const unused = headers.filter((_, i) => !Object.values(mapping).includes(i));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Match the columns of{' '}
        <strong className="text-slate-900 dark:text-slate-100">{fileName}</strong> to the fields.
        Columns with the template’s names are matched for you, and your choices are remembered for
        the next file.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" className="py-2 pr-4 font-medium">
                Field
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Column in the file
              </th>
              <th scope="col" className="py-2 font-medium">
                First values
              </th>
            </tr>
          </thead>
          <tbody>
            {csvFields.map((f) => {
              const index = mapping[f.header];
              const id = `map-${f.header}`;
              return (
                <tr key={f.header} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-2 pr-4">
                    <label htmlFor={id} className="text-slate-900 dark:text-slate-100">
                      {f.label}
                      {f.required ? (
                        <span className="text-red-600" aria-hidden>
                          {' '}
                          *
                        </span>
                      ) : null}
                    </label>
                  </td>
                  <td className="py-2 pr-4">
                    <select
                      id={id}
                      className={`${inputClass} min-w-48`}
                      value={index ?? ''}
                      aria-required={f.required}
                      onChange={(e) =>
                        onChange({
                          ...mapping,
                          [f.header]: e.target.value === '' ? null : Number(e.target.value),
                        })
                      }
                    >
                      <option value="">— not in this file —</option>
                      {headers.map((h, i) => (
                        <option key={i} value={i}>
                          {h || `Column ${i + 1}`}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="max-w-64 truncate py-2 text-slate-500 dark:text-slate-400">
                    {index === null || index === undefined
                      ? ''
                      : sample
                          .map((r) => r[index] ?? '')
                          .filter(Boolean)
                          .slice(0, 3)
                          .join(' · ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {unused.length > 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Not imported: {unused.map((h) => h || '(unnamed)').join(', ')}.
        </p>
      ) : null}
      {problems.length > 0 ? <FormError message={problems.join(' ')} /> : null}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack}>
          Choose another file
        </Button>
        <Button onClick={onNext} disabled={problems.length > 0}>
          Check the rows
        </Button>
      </div>
    </div>
  );
}
