// A petition's picture as pages show it: WebP for the browsers that take it and JPEG for the rest, each in the
// widths kept (srcset), cropped to the page's shape around the organizer's chosen focus (a class: the site's
// Content-Security-Policy allows no inline styles).
import { focusName } from '../../petitions/petition-picture.js';
import { pictureAlt, type Petition, type PetitionPicture } from '../../petitions/petition.js';
import type { Locale } from '../../platform/i18n/translator.js';

export interface PictureView {
  webpSrcset: string;
  jpegSrcset: string;
  src: string;
  alt: string;
  width: number;
  height: number;
  focusClass: string;
}

/** A file's address; the version makes it a new address for a new picture, so it may be cached for good. */
export function pictureFilePath(petitionId: number, version: string, width: number, format: 'webp' | 'jpeg'): string {
  return `/pictures/${petitionId}/${version}/${width}.${format === 'webp' ? 'webp' : 'jpg'}`;
}

export function pictureView(petition: Petition, picture: PetitionPicture, locale: Locale): PictureView {
  const srcset = (format: 'webp' | 'jpeg') =>
    picture.files
      .filter((f) => f.format === format)
      .map((f) => `${pictureFilePath(petition.id, picture.version, f.width, format)} ${f.width}w`)
      .join(', ');
  const jpegs = picture.files.filter((f) => f.format === 'jpeg');
  // The fallback a browser without srcset loads: the middle width, sharp on a phone, light on a desktop.
  const fallback = jpegs.filter((f) => f.width <= 960).at(-1) ?? jpegs[0];
  return {
    webpSrcset: srcset('webp'),
    jpegSrcset: srcset('jpeg'),
    src: fallback === undefined ? '' : pictureFilePath(petition.id, picture.version, fallback.width, 'jpeg'),
    alt: pictureAlt(petition, picture, locale),
    width: picture.width,
    height: picture.height,
    focusClass: `focus-${focusName(picture.focusX, picture.focusY)}`,
  };
}

/** The picture, `sizes` telling the browser how wide it is drawn. */
export function PictureFigure(props: {
  picture: PictureView;
  sizes: string;
  class: string;
  lang?: string | undefined;
}) {
  const p = props.picture;
  return (
    <figure class={props.class}>
      <picture>
        <source type="image/webp" srcset={p.webpSrcset} sizes={props.sizes} />
        <img
          src={p.src}
          srcset={p.jpegSrcset}
          sizes={props.sizes}
          alt={p.alt}
          lang={props.lang}
          width={String(p.width)}
          height={String(p.height)}
          class={p.focusClass}
          decoding="async"
        />
      </picture>
    </figure>
  );
}
