using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector;

/// <summary>One call waiting in the writer's queue, and its answer.</summary>
internal sealed partial class SqliteWriter
{
    private interface IWork
    {
        /// <summary>The caller stopped waiting (cancelled, or timed out): the work is skipped.</summary>
        bool Abandoned { get; }

        void Run(SqliteConnection connection);

        void Succeed();

        void Fail(Exception exception);
    }

    private sealed class Work<T>(Func<SqliteConnection, T> work) : IWork
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _value = default!;
        private int _abandoned;

        public Task<T> Result => _result.Task;

        public bool Abandoned => Volatile.Read(ref _abandoned) == 1;

        public void Abandon() => Volatile.Write(ref _abandoned, 1);

        public void Run(SqliteConnection connection) => _value = work(connection);

        public void Succeed() => _result.TrySetResult(_value);

        public void Fail(Exception exception) => _result.TrySetException(exception);
    }
}
