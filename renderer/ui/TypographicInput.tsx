import { useRef, type InputHTMLAttributes } from 'react';
import { useFrenchTypography } from './useFrenchTypography.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onValueChange: (value: string) => void;
};

/** A one-line text field with French typography while typing. */
export function TypographicInput({ value, onValueChange, ...props }: InputProps) {
  const ref = useRef<HTMLInputElement>(null);
  useFrenchTypography(ref);
  return <input ref={ref} value={value} onChange={(event) => onValueChange(event.target.value)} {...props} />;
}
