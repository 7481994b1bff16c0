/** The prompter's small form fields, shared by its settings and the controller mappings. */

/**
 * A number typed in; a value out of range or half typed is not passed on, nor a fraction where
 * the step is whole (the stored setting is a whole number: a fraction was dropped when the
 * settings were read back, and the setting went back to its default).
 */
export function NumberSetting({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="cd-pr-setting">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          const whole = Number.isInteger(step);
          if (e.target.value !== '' && v >= min && v <= max && (!whole || Number.isInteger(v)))
            onChange(v);
        }}
      />
    </label>
  );
}

export function Switch({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="cd-pr-switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
