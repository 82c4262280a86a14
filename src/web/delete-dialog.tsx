/**
 * The confirmation asked before something is deleted. The page's script fills `#delete-dialog-text` with what goes
 * and reads the button that closed it ("delete" or "cancel").
 */
export function DeleteDialog({ title }: { title: string }) {
  return (
    <dialog id="delete-dialog" class="dialog" aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-text">
      <form method="dialog" class="dialog-form">
        <h2 id="delete-dialog-title">{title}</h2>
        <p id="delete-dialog-text"></p>
        <div class="dialog-actions">
          <button value="cancel" class="button button-secondary" autofocus>
            Hủy
          </button>
          <button value="delete" class="button button-primary">
            Xóa
          </button>
        </div>
      </form>
    </dialog>
  );
}
