using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Models;

/// <summary>
/// One column of one parquet row group, read whole with Parquet.Net's typed column reader (explicit
/// generic calls only: no <c>MakeGenericMethod</c>, so Native AOT keeps them), and put into rows one
/// value at a time: typed values go straight into typed fields, anything else through its csv text.
/// </summary>
internal abstract class ParquetColumn
{
    private readonly bool[]? _nulls;
    private readonly int _known;
    private readonly int _slot;

    protected ParquetColumn(ParquetTarget target, bool[]? nulls)
    {
        (_known, _slot, Kind) = (target.Known, target.Slot, target.Kind);
        _nulls = nulls;
    }

    protected CellKind Kind { get; }

    public static async ValueTask<ParquetColumn> ReadAsync(ParquetRowGroupReader group, DataField field, ParquetTarget target, int rows, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (IsString(type))
        {
            return await StringColumn.ReadStringsAsync(group, field, target, rows, cancellationToken).ConfigureAwait(false);
        }

        if (type == typeof(long))
        {
            var (values, nulls) = await ReadAsync<long>(group, field, rows, cancellationToken).ConfigureAwait(false);
            return new Column<long>(target, values, nulls, static (row, known, value) => row.SetInt64(known, value), CellKind.Int64, CellText.Number);
        }

        if (type == typeof(int))
        {
            var (values, nulls) = await ReadAsync<int>(group, field, rows, cancellationToken).ConfigureAwait(false);
            return target.Kind == CellKind.Int64
                ? new Column<int>(target, values, nulls, static (row, known, value) => row.SetInt64(known, value), CellKind.Int64, CellText.Number)
                : new Column<int>(target, values, nulls, static (row, known, value) => row.SetInt32(known, value), CellKind.Int32, CellText.Number);
        }

        if (type == typeof(decimal))
        {
            var (values, nulls) = await ReadAsync<decimal>(group, field, rows, cancellationToken).ConfigureAwait(false);
            return new Column<decimal>(target, values, nulls, static (row, known, value) => row.SetDecimal(known, value), CellKind.Decimal, CellText.Number);
        }

        if (type == typeof(DateOnly))
        {
            var (values, nulls) = await ReadAsync<DateOnly>(group, field, rows, cancellationToken).ConfigureAwait(false);
            return new Column<DateOnly>(target, values, nulls, static (row, known, value) => row.SetDate(known, value), CellKind.Date, CellText.Date);
        }

        if (type == typeof(DateTime))
        {
            // Parquet.Net marks TIMESTAMP(isAdjustedToUTC=false) Local; the artifacts are UTC by contract, so the instant is taken as UTC.
            var (values, nulls) = await ReadAsync<DateTime>(group, field, rows, cancellationToken).ConfigureAwait(false);
            return target.Kind == CellKind.Date
                ? new Column<DateTime>(target, values, nulls, static (row, known, value) => row.SetDate(known, DateOnly.FromDateTime(value)), CellKind.Date, Timestamp)
                : new Column<DateTime>(target, values, nulls, static (row, known, value) => row.SetTimestamp(known, Utc(value)), CellKind.Timestamp, Timestamp);
        }

        // The rest carry no documented column's native type: they become text (and are parsed from it if a documented column holds them).
        return type switch
        {
            _ when type == typeof(bool) => await TextAsync<bool>(group, field, target, rows, static value => value ? "true" : "false", cancellationToken).ConfigureAwait(false),
            _ when type == typeof(sbyte) => await TextAsync<sbyte>(group, field, target, rows, CellText.Number, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(byte) => await TextAsync<byte>(group, field, target, rows, CellText.Number, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(short) => await TextAsync<short>(group, field, target, rows, CellText.Number, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(ushort) => await TextAsync<ushort>(group, field, target, rows, CellText.Number, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(uint) => await TextAsync<uint>(group, field, target, rows, CellText.Number, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(ulong) => await TextAsync<ulong>(group, field, target, rows, CellText.Number, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(float) => await TextAsync<float>(group, field, target, rows, static value => value.ToString("R", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false),
            _ when type == typeof(double) => await TextAsync<double>(group, field, target, rows, static value => value.ToString("R", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false),
            _ when type == typeof(TimeOnly) => await TextAsync<TimeOnly>(group, field, target, rows, static value => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false),
            _ when type == typeof(TimeSpan) => await TextAsync<TimeSpan>(group, field, target, rows, static value => value.ToString("c", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false),
            _ when type == typeof(Guid) => await TextAsync<Guid>(group, field, target, rows, static value => value.ToString("D"), cancellationToken).ConfigureAwait(false),
            _ => throw new ReportRowFormatException(
                $"The parquet column '{ValueText.Escape(field.Name)}' holds {Describe(field)} values, which the SDK cannot read as cells.", 0, field.Name),
        };
    }

    /// <summary>A column's type for a message: its .NET type as Parquet.Net reads it.</summary>
    public static string Describe(DataField field) =>
        IsString(field.ClrType) ? "string" : field.ClrType.Name;

    /// <summary>Whether a column of this parquet type can feed a documented column of <paramref name="kind"/>; checked once, at the schema.</summary>
    public static bool CanFeed(Type type, CellKind kind) => kind switch
    {
        CellKind.Text => true,
        CellKind.Product or CellKind.ProductList => IsString(type),
        CellKind.Int32 or CellKind.Int64 => IsString(type) || IsInteger(type),
        CellKind.Decimal => IsString(type) || type == typeof(decimal) || IsInteger(type),
        CellKind.Date => IsString(type) || type == typeof(DateOnly) || type == typeof(DateTime),
        CellKind.Timestamp => IsString(type) || type == typeof(DateTime),
        _ => false,
    };

    /// <summary>Puts value <paramref name="index"/> into <paramref name="row"/>: its documented column, or its unknown-column slot; a null leaves it unset.</summary>
    public void Apply(ReportRow row, int index, CellWriter cells)
    {
        if (_nulls is not null && _nulls[index])
        {
            return;
        }

        if (_known < 0)
        {
            row.Extra![_slot] = Text(index, cells);
            return;
        }

        SetKnown(row, _known, index, cells);
        row.Present |= 1UL << _known;
    }

    protected abstract string Text(int index, CellWriter cells);

    protected abstract void SetKnown(ReportRow row, int known, int index, CellWriter cells);

    private static async ValueTask<(T[] Values, bool[]? Nulls)> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        if (!field.IsNullable)
        {
            var values = new T[rows];
            await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return (values, null);
        }

        var nullable = new T?[rows];
        await group.ReadAsync<T>(field, nullable.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        var plain = new T[rows];
        var nulls = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            plain[i] = nullable[i].GetValueOrDefault();
            nulls[i] = !nullable[i].HasValue;
        }

        return (plain, nulls);
    }

    private static async ValueTask<ParquetColumn> TextAsync<T>(ParquetRowGroupReader group, DataField field, ParquetTarget target, int rows, Func<T, string> format, CancellationToken cancellationToken)
        where T : struct
    {
        var (values, nulls) = await ReadAsync<T>(group, field, rows, cancellationToken).ConfigureAwait(false);
        return new Column<T>(target, values, nulls, null, CellKind.Text, format);
    }

    // Parquet.Net 6 types a UTF-8 column from a file as ReadOnlyMemory<char>, one it writes as string.
    private static bool IsString(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    private static bool IsInteger(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(ushort)
        || type == typeof(sbyte) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string Timestamp(DateTime value) => CellText.Timestamp(Utc(value));

    /// <summary>
    /// Values of one struct type. <c>set</c> writes the native kind <c>native</c> straight into the
    /// row; any other documented kind goes through the value's csv text and is parsed as that kind.
    /// </summary>
    private sealed class Column<T>(ParquetTarget target, T[] values, bool[]? nulls, Action<ReportRow, int, T>? set, CellKind native, Func<T, string> format)
        : ParquetColumn(target, nulls)
        where T : struct
    {
        protected override string Text(int index, CellWriter cells) => format(values[index]);

        protected override void SetKnown(ReportRow row, int known, int index, CellWriter cells)
        {
            if (set is not null && Kind == native)
            {
                set(row, known, values[index]);
            }
            else
            {
                cells.Write(row, known, Text(index, cells));
            }
        }
    }

    /// <summary>UTF-8 strings, read raw as characters so only the strings a row keeps are made (through the read's cache).</summary>
    private sealed class StringColumn(ParquetTarget target, ReadOnlyMemory<char>[] values, bool[]? nulls) : ParquetColumn(target, nulls)
    {
        public static async ValueTask<ParquetColumn> ReadStringsAsync(ParquetRowGroupReader group, DataField field, ParquetTarget target, int rows, CancellationToken cancellationToken)
        {
            var values = new ReadOnlyMemory<char>[rows];
            if (!field.IsNullable)
            {
                await group.ReadRawAsync(field, values.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
                return new StringColumn(target, values, null);
            }

            // Nullable: the reader packs the present values; the definition levels say which rows have one.
            var levels = new int[rows];
            await group.ReadRawAsync(field, values.AsMemory(), levels.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            var nulls = new bool[rows];
            var next = 0;
            var spread = new ReadOnlyMemory<char>[rows];
            for (var i = 0; i < rows; i++)
            {
                nulls[i] = levels[i] < field.MaxDefinitionLevel;
                spread[i] = nulls[i] ? default : values[next++];
            }

            return new StringColumn(target, spread, nulls);
        }

        protected override string Text(int index, CellWriter cells) => cells.Strings.Get(values[index].Span);

        protected override void SetKnown(ReportRow row, int known, int index, CellWriter cells) => cells.Write(row, known, values[index].Span);
    }
}

/// <summary>Where a parquet column's values go: a documented column (<see cref="Known"/> ≥ 0, of <see cref="Kind"/>) or an unknown-column slot.</summary>
internal readonly record struct ParquetTarget(int Known, CellKind Kind, int Slot);
