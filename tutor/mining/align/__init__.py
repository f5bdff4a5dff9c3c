"""The optional statistical word aligner: HMMs both ways, dictionary priors, exact anchors.

``align`` gives Pharaoh-style links ``(zh index, en index)`` per tokenised sentence pair,
``align_scored`` the same links with their probability, ``align_file_lines`` the lines of
``tutor align``. Mining admits these links only into the gaps its knowledge links leave
(``tutor.mining.statlinks``).

Modules: ``aligner`` (the entry points), ``hmm`` (IBM1 + HMM trained by EM), ``priors``
(CC-CEDICT pseudo-counts), ``anchors`` and ``phrases`` (exact-evidence links), ``symmetrize``
(joining the two directions), ``keys`` (token normalisation), ``vocab`` (ids) and
``background`` (the bundled background corpus, ``background.txt.gz``).
"""

from tutor.mining.align.aligner import (
    AlignConfig,
    align,
    align_file_lines,
    align_scored,
    link_posteriors,
)

__all__ = ["AlignConfig", "align", "align_file_lines", "align_scored", "link_posteriors"]
