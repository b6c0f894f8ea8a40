/** A dialog-level error, announced at once (role=alert); renders nothing when there is none. */
export function FormError({ message }: { message: string | null | undefined | false }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
