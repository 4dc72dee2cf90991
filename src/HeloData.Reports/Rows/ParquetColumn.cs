using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Models;

/// <summary>
/// One column of a parquet file, read one row group at a time with Parquet.Net's typed column reader
/// (explicit generic calls only: no <c>MakeGenericMethod</c>, so Native AOT keeps them), and put into rows
/// one value at a time: typed values go straight into typed fields, anything else through its csv text.
/// Its buffers are kept from one row group to the next: fresh ones for every group (100,000 rows make
/// large-object-heap arrays) cost more than the rows' own work.
/// </summary>
internal abstract class ParquetColumn
{
    private readonly int _known;
    private readonly int _slot;

    protected ParquetColumn(DataField field, ParquetTarget target)
    {
        Field = field;
        (_known, _slot, Kind) = (target.Known, target.Slot, target.Kind);
    }

    /// <summary>The file column's name.</summary>
    public string Name => Field.Name;

    protected DataField Field { get; }

    protected CellKind Kind { get; }

    /// <summary>Per row of the current group, whether its value is null; <see langword="null"/> for a required column.</summary>
    protected bool[]? Nulls { get; set; }

    /// <summary>The reader of a file column, by its parquet type; its values come with each <see cref="ReadAsync(ParquetRowGroupReader, int, CancellationToken)"/>.</summary>
    public static ParquetColumn Create(DataField field, ParquetTarget target)
    {
        var type = field.ClrType;
        if (IsString(type))
        {
            return new StringColumn(field, target);
        }

        if (type == typeof(long))
        {
            return new Column<long>(field, target, static (row, known, value) => row.SetInt64(known, value), CellKind.Int64, CellText.Number);
        }

        if (type == typeof(int))
        {
            return target.Kind == CellKind.Int64
                ? new Column<int>(field, target, static (row, known, value) => row.SetInt64(known, value), CellKind.Int64, CellText.Number)
                : new Column<int>(field, target, static (row, known, value) => row.SetInt32(known, value), CellKind.Int32, CellText.Number);
        }

        if (type == typeof(decimal))
        {
            return new Column<decimal>(field, target, static (row, known, value) => row.SetDecimal(known, value), CellKind.Decimal, CellText.Number);
        }

        if (type == typeof(DateOnly))
        {
            return new Column<DateOnly>(field, target, static (row, known, value) => row.SetDate(known, value), CellKind.Date, CellText.Date);
        }

        if (type == typeof(DateTime))
        {
            // Parquet.Net marks TIMESTAMP(isAdjustedToUTC=false) Local; the artifacts are UTC by contract, so the instant is taken as UTC.
            return target.Kind == CellKind.Date
                ? new Column<DateTime>(field, target, static (row, known, value) => row.SetDate(known, DateOnly.FromDateTime(value)), CellKind.Date, Timestamp)
                : new Column<DateTime>(field, target, static (row, known, value) => row.SetTimestamp(known, Utc(value)), CellKind.Timestamp, Timestamp);
        }

        // The rest carry no documented column's native type: they become text (and are parsed from it if a documented column holds them).
        return type switch
        {
            _ when type == typeof(bool) => Text<bool>(field, target, static value => value ? "true" : "false"),
            _ when type == typeof(sbyte) => Text<sbyte>(field, target, CellText.Number),
            _ when type == typeof(byte) => Text<byte>(field, target, CellText.Number),
            _ when type == typeof(short) => Text<short>(field, target, CellText.Number),
            _ when type == typeof(ushort) => Text<ushort>(field, target, CellText.Number),
            _ when type == typeof(uint) => Text<uint>(field, target, CellText.Number),
            _ when type == typeof(ulong) => Text<ulong>(field, target, CellText.Number),
            _ when type == typeof(float) => Text<float>(field, target, static value => value.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(double) => Text<double>(field, target, static value => value.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(TimeOnly) => Text<TimeOnly>(field, target, static value => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            _ when type == typeof(TimeSpan) => Text<TimeSpan>(field, target, static value => value.ToString("c", CultureInfo.InvariantCulture)),
            _ when type == typeof(Guid) => Text<Guid>(field, target, static value => value.ToString("D")),
            _ => throw new ReportRowFormatException(
                $"The parquet column '{ValueText.Escape(field.Name)}' holds {Describe(field)} values, which the SDK cannot read as cells.", 0, field.Name),
        };
    }

    /// <summary>Reads this column's <paramref name="rows"/> values of a row group, in place of the previous group's.</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken);

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
        if (Nulls is not null && Nulls[index])
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

    private static Column<T> Text<T>(DataField field, ParquetTarget target, Func<T, string> format)
        where T : struct => new(field, target, null, CellKind.Text, format);

    /// <summary>A buffer of at least <paramref name="length"/> items: the one given when it is long enough.</summary>
    private static T[] Ensure<T>(T[]? buffer, int length) => buffer is not null && buffer.Length >= length ? buffer : new T[length];

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
    private sealed class Column<T>(DataField field, ParquetTarget target, Action<ReportRow, int, T>? set, CellKind native, Func<T, string> format)
        : ParquetColumn(field, target)
        where T : struct
    {
        private T[] _values = [];
        private T?[]? _nullable;

        public override async ValueTask ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
        {
            _values = Ensure(_values, rows);
            if (!Field.IsNullable)
            {
                await group.ReadAsync<T>(Field, _values.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
                return;
            }

            _nullable = Ensure(_nullable, rows);
            await group.ReadAsync<T>(Field, _nullable.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            var nulls = Nulls = Ensure(Nulls, rows);
            for (var i = 0; i < rows; i++)
            {
                _values[i] = _nullable[i].GetValueOrDefault();
                nulls[i] = !_nullable[i].HasValue;
            }
        }

        protected override string Text(int index, CellWriter cells) => format(_values[index]);

        protected override void SetKnown(ReportRow row, int known, int index, CellWriter cells)
        {
            if (set is not null && Kind == native)
            {
                set(row, known, _values[index]);
            }
            else
            {
                cells.Write(row, known, Text(index, cells));
            }
        }
    }

    /// <summary>UTF-8 strings, read raw as characters so only the strings a row keeps are made (through the read's cache).</summary>
    private sealed class StringColumn(DataField field, ParquetTarget target) : ParquetColumn(field, target)
    {
        private ReadOnlyMemory<char>[] _values = [];
        private ReadOnlyMemory<char>[]? _packed;
        private int[]? _levels;

        public override async ValueTask ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
        {
            _values = Ensure(_values, rows);
            if (!Field.IsNullable)
            {
                await group.ReadRawAsync(Field, _values.AsMemory(0, rows), null, null, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Nullable: the reader packs the present values; the definition levels say which rows have one.
            _packed = Ensure(_packed, rows);
            _levels = Ensure(_levels, rows);
            await group.ReadRawAsync(Field, _packed.AsMemory(0, rows), _levels.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            var nulls = Nulls = Ensure(Nulls, rows);
            var next = 0;
            for (var i = 0; i < rows; i++)
            {
                nulls[i] = _levels[i] < Field.MaxDefinitionLevel;
                _values[i] = nulls[i] ? default : _packed[next++];
            }
        }

        protected override string Text(int index, CellWriter cells) => cells.Strings.Get(_values[index].Span);

        protected override void SetKnown(ReportRow row, int known, int index, CellWriter cells) => cells.Write(row, known, _values[index].Span);
    }
}

/// <summary>Where a parquet column's values go: a documented column (<see cref="Known"/> ≥ 0, of <see cref="Kind"/>) or an unknown-column slot.</summary>
internal readonly record struct ParquetTarget(int Known, CellKind Kind, int Slot);
