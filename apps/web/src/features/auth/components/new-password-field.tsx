import { useWatch, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { PasswordField } from '../../../components/password-field';

interface NewPasswordFieldProps<Values extends FieldValues, Body> {
  form: UseFormReturn<Values, unknown, Body>;
  name: Path<Values>;
  label: string;
}

/**
 * A password being chosen, with the rules and a strength meter. It takes the
 * whole form, not just a registration, because the meter watches the typed value.
 */
export function NewPasswordField<Values extends FieldValues, Body>({ form, name, label }: NewPasswordFieldProps<Values, Body>) {
  const value: unknown = useWatch({ control: form.control, name });
  return (
    <PasswordField
      label={label}
      autoComplete="new-password"
      strengthOf={typeof value === 'string' ? value : ''}
      error={form.getFieldState(name, form.formState).error?.message}
      {...form.register(name)}
    />
  );
}
