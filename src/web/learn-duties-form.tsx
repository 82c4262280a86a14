/** The duties lookup: a body's name (suggested from the document's bodies once loaded), results below. */
export function DutiesForm() {
  return (
    <>
      <form id="duties-form" class="learn-form" role="search">
        <label for="duties-body">Tên cơ quan</label>
        <div class="learn-form-row">
          <input id="duties-body" name="body" type="text" list="duties-bodies" placeholder="Ví dụ: Sở Y tế" autocomplete="off" required maxlength={120} />
          <datalist id="duties-bodies"></datalist>
          <button type="submit" class="button button-primary">
            Xem nhiệm vụ
          </button>
        </div>
      </form>
      <p id="duties-status" class="muted" role="status"></p>
      <div id="duties-results"></div>
    </>
  );
}
