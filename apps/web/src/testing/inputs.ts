import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Types a date into an antd DatePicker as a person would: click, clear, type, Enter. */
export async function typeDate(label: string, value: string, within: Pick<typeof screen, 'getByRole'> = screen) {
  const user = userEvent.setup();
  const input = within.getByRole('textbox', { name: label });
  await user.click(input);
  await user.clear(input);
  await user.type(input, `${value}{Enter}`);
}
