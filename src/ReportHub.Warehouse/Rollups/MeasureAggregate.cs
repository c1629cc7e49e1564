namespace ReportHub.Warehouse.Rollups;

/// <summary>How a measure's unit figures make the round's figure (a template measure's <c>aggregate</c>).</summary>
public enum MeasureAggregate
{
    Sum,
    Min,
    Max,
}
