using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ReportHub.Api.Infrastructure.OpenApi;

/// <summary>
/// An operation open to everyone (<c>AllowAnonymous</c>, i.e. /health) overrides the document's requirement with an
/// empty one, so the reference does not claim it needs a key.
/// </summary>
public sealed class AnonymousOperationsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement()];
        }
        return Task.CompletedTask;
    }
}
