using ConformanceKit.Scenarios.Manifests;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// A container (or init container) whose image its kubelet cannot have, so that its pod can never start
/// (<see cref="PodStartJudgement"/>), and <see cref="Line"/>, the one line that says so and what to pass.
/// </summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Pod">The pod's name.</param>
/// <param name="Container">The container's name.</param>
/// <param name="Image">The image the container asks for.</param>
/// <param name="Reason">The container's waiting reason (InvalidImageName, ErrImageNeverPull, ErrImagePull, ImagePullBackOff…).</param>
/// <param name="FailedPulls">How many pulls of the image failed, by the kubelet's events (0 when none was tried).</param>
/// <param name="KubeletMessage">The kubelet's own last word on it, whitespace collapsed.</param>
/// <param name="Flag">The option that sets the image (<see cref="ImageFlag"/>).</param>
public sealed record ImageUnavailable(
    string Namespace, string Pod, string Container, string Image, string Reason, int FailedPulls, string KubeletMessage, string Flag)
    : PodCannotStart(Namespace, Pod)
{
    /// <summary>One line: the pod, the container, the image, what is wrong with it, the kubelet's message and what to pass.</summary>
    public override string Line
    {
        get
        {
            var what = Reason switch
            {
                ImagePullJudgement.InvalidImageName => "is not a valid image name",
                ImagePullJudgement.ErrImageNeverPull => "is not on the node and its imagePullPolicy is Never",
                _ => "could not be pulled",
            };
            var pulls = FailedPulls > 0 ? $", {FailedPulls} failed pulls" : "";
            var never = Reason == ImagePullJudgement.ErrImageNeverPull
                ? ", or put the image on the node first (--load-image IMAGE, for the ephemeral cluster)"
                : "";
            return $"pod {Namespace}/{Pod} cannot start: the image \"{Image}\" of container {Container} {what} "
                + $"({Reason}{pulls}; kubelet: '{KubeletMessage}'); {ImageFlag.Advice(Flag)}{never}";
        }
    }
}
