/**
 * News agencies and broadcasters that reports credit in any language (as their name keys are
 * written: lower case, one word each). A credit says who carried a report, not what it is
 * about: two reports crediting Reuters are not one story.
 */
export const NEWS_AGENCIES: ReadonlySet<string> = new Set(
  (
    'reuters afp ap xinhua tass ria novosti interfax sputnik yonhap kcna kyodo bernama antara ' +
    'ttxvn vna efe ansa dpa anadolu irna wafa mena aljazeera jazeera cnn bbc bloomberg'
  ).split(' '),
);
