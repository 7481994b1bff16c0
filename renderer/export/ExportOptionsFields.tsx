import type { ExportOptionName, ExportOptions } from '../../shared/export/options';
import { exportFormatSpec, type ExportFormat } from '../../shared/export/formats';

type Props = {
  format: ExportFormat;
  options: ExportOptions;
  onChange: (patch: Partial<ExportOptions>) => void;
};

const clamp = (value: string, min: number, max: number, fallback: number) =>
  Math.min(max, Math.max(min, Number(value) || fallback));

/** A whole-number option: typed values outside its limits are brought within them. */
function NumberField(props: {
  label: string;
  unit: string;
  name: 'fontSizePt' | 'captionLineChars' | 'captionLineWideChars' | 'captionMaxCps';
  min: number;
  max: number;
  fallback: number;
  options: ExportOptions;
  onChange: (patch: Partial<ExportOptions>) => void;
}) {
  const { label, unit, name, min, max, fallback } = props;
  return (
    <label className="cd-inline-field">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={props.options[name]}
        onChange={(e) => props.onChange({ [name]: clamp(e.target.value, min, max, fallback) })}
      />
      {unit}
    </label>
  );
}

/** The options that apply to the chosen format, in small groups. */
export function ExportOptionsFields({ format, options, onChange }: Props) {
  const spec = exportFormatSpec(format);
  const applies = (name: ExportOptionName) => spec.options.includes(name);
  // A format with no options says why, so the dialog never shows an empty box without a word.
  if (spec.options.length === 0) {
    return (
      <fieldset>
        <legend>Options</legend>
        <p className="cd-dialog-note">{spec.noOptionsNote ?? 'This format has no options.'}</p>
      </fieldset>
    );
  }
  return (
    <>
      {(applies('cues') || applies('allCaps')) && (
        <fieldset>
          <legend>Prompter conventions</legend>
          {applies('cues') && (
            <label className="cd-inline-field">
              Production cues
              <select
                // Plain text and Markdown cannot colour: any visible style shows as brackets.
                value={
                  applies('instructions') || options.cues === 'hidden' ? options.cues : 'bracketed'
                }
                onChange={(e) => onChange({ cues: e.target.value as ExportOptions['cues'] })}
              >
                <option value="bracketed">[In brackets], grey</option>
                {applies('instructions') && (
                  <option value="reverse">[In brackets], reverse video</option>
                )}
                {applies('instructions') && <option value="red">[In brackets], red</option>}
                <option value="hidden">Left out</option>
              </select>
            </label>
          )}
          {applies('instructions') && (
            <label className="cd-inline-field">
              Presenter instructions
              <select
                value={options.instructions}
                onChange={(e) =>
                  onChange({ instructions: e.target.value as ExportOptions['instructions'] })
                }
              >
                <option value="reverse">Reverse video</option>
                <option value="red">Red</option>
              </select>
            </label>
          )}
          {applies('allCaps') && (
            <label className="cd-check">
              <input
                type="checkbox"
                checked={options.allCaps}
                onChange={(e) => onChange({ allCaps: e.target.checked })}
              />
              ALL CAPS
            </label>
          )}
          {applies('includePackageCopy') && (
            <label className="cd-check">
              <input
                type="checkbox"
                checked={options.includePackageCopy}
                disabled={options.cues === 'hidden'}
                onChange={(e) => onChange({ includePackageCopy: e.target.checked })}
              />
              Include package track copy (marked as not read)
            </label>
          )}
        </fieldset>
      )}
      {(applies('fontSizePt') ||
        applies('storyBreak') ||
        applies('paper') ||
        applies('printStoryBreak')) && (
        <fieldset>
          <legend>Page</legend>
          {applies('fontSizePt') && (
            <NumberField
              label="Type size"
              unit="pt"
              name="fontSizePt"
              min={10}
              max={144}
              fallback={36}
              options={options}
              onChange={onChange}
            />
          )}
          {applies('paper') && (
            <label className="cd-inline-field">
              Paper
              <select
                value={options.paper}
                onChange={(e) => onChange({ paper: e.target.value as ExportOptions['paper'] })}
              >
                <option value="A4">A4</option>
                <option value="LETTER">US Letter</option>
              </select>
            </label>
          )}
          {applies('printStoryBreak') && (
            <label className="cd-inline-field">
              Between stories
              <select
                value={options.printStoryBreak}
                onChange={(e) =>
                  onChange({ printStoryBreak: e.target.value as ExportOptions['printStoryBreak'] })
                }
              >
                <option value="page">Each story on its own page</option>
                <option value="separator">A rule, stories running on</option>
              </select>
            </label>
          )}
          {applies('showName') && (
            <label className="cd-inline-field">
              Show name
              <input
                type="text"
                maxLength={80}
                value={options.showName}
                placeholder="Evening News"
                onChange={(e) => onChange({ showName: e.target.value.replace(/[\n\r\t]/g, ' ') })}
              />
            </label>
          )}
          {applies('storyBreak') && (
            <label className="cd-inline-field">
              Between stories
              <select
                value={options.storyBreak}
                onChange={(e) =>
                  onChange({ storyBreak: e.target.value as ExportOptions['storyBreak'] })
                }
              >
                <option value="separator">A separator line</option>
                <option value="page">A new page</option>
              </select>
            </label>
          )}
        </fieldset>
      )}
      {applies('mosCues') && (
        <fieldset>
          <legend>MOS</legend>
          <label className="cd-inline-field">
            Production cues as
            <select
              value={options.mosCues}
              onChange={(e) => onChange({ mosCues: e.target.value as ExportOptions['mosCues'] })}
            >
              <option value="storyItem">storyItems (listed beside the text)</option>
              <option value="pi">pi instructions in the text</option>
            </select>
          </label>
          <label className="cd-inline-field">
            Encoding
            <select
              value={options.mosEncoding}
              onChange={(e) =>
                onChange({ mosEncoding: e.target.value as ExportOptions['mosEncoding'] })
              }
            >
              <option value="utf-8">UTF-8 (to read and diff)</option>
              <option value="utf-16be">UTF-16BE (as on the wire)</option>
            </select>
          </label>
        </fieldset>
      )}
      {applies('captionLineChars') && (
        <fieldset>
          <legend>Captions</legend>
          <NumberField
            label="Longest line"
            unit="characters, two lines a caption"
            name="captionLineChars"
            min={20}
            max={60}
            fallback={37}
            options={options}
            onChange={onChange}
          />
          <NumberField
            label="Korean, Chinese, Japanese"
            unit="characters a line"
            name="captionLineWideChars"
            min={8}
            max={30}
            fallback={20}
            options={options}
            onChange={onChange}
          />
          <NumberField
            label="Reading speed"
            unit="characters a second at most"
            name="captionMaxCps"
            min={8}
            max={40}
            fallback={20}
            options={options}
            onChange={onChange}
          />
        </fieldset>
      )}
    </>
  );
}
