/** A form's own refusal (a required field left empty), shown like a problem from the server. */
export class FormProblem extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FormProblem'
  }
}
