import { useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
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

type TitleProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string;
  onValueChange: (value: string) => void;
};

/**
 * A title that wraps over several lines as it grows, yet stays one line of text: Enter
 * does nothing and pasted line breaks become spaces.
 */
export function TypographicTitle({ value, onValueChange, ...props }: TitleProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useFrenchTypography(ref);
  return (
    <textarea
      ref={ref}
      rows={1}
      value={value}
      onChange={(event) => onValueChange(event.target.value.replace(/[\r\n\t]+/g, ' '))}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
      }}
      {...props}
    />
  );
}
