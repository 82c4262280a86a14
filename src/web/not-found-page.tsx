export function NotFoundPage({ message }: { message: string }) {
  return (
    <div class="page">
      <h1>Không tìm thấy trang</h1>
      <p class="lead">{message}</p>
      <p>
        <a class="button button-secondary" href="/docs">
          Xem danh sách văn bản
        </a>{' '}
        <a class="button button-secondary" href="/">
          Về trang hỏi đáp
        </a>
      </p>
    </div>
  );
}
