/** Renders catalogue images as DescribeImages `<item>` XML with the element names of contract §2.2. */
import type { BlockDeviceMapping, Image, ImageWatermark, ScanResults } from '@aws-sdk/client-ec2';
import { EC2_NAMESPACE, XML_DECLARATION, boolEl, escapeXml, intEl, listEl, textEl, timeEl } from './xml.js';

function blockDeviceXml(m: BlockDeviceMapping): string {
  const e = m.Ebs;
  const ebs = e === undefined ? '' : '<ebs>'
    + boolEl('deleteOnTermination', e.DeleteOnTermination) + intEl('iops', e.Iops)
    + textEl('snapshotId', e.SnapshotId) + intEl('volumeSize', e.VolumeSize)
    + textEl('volumeType', e.VolumeType) + textEl('kmsKeyId', e.KmsKeyId)
    + intEl('throughput', e.Throughput) + textEl('outpostArn', e.OutpostArn)
    + textEl('availabilityZone', e.AvailabilityZone) + boolEl('encrypted', e.Encrypted) + '</ebs>';
  return textEl('deviceName', m.DeviceName) + textEl('virtualName', m.VirtualName)
    + ebs + textEl('noDevice', m.NoDevice);
}

function watermarkXml(w: ImageWatermark): string {
  return textEl('watermarkKey', w.WatermarkKey) + textEl('sourceImageRegion', w.SourceImageRegion)
    + textEl('sourceImageId', w.SourceImageId) + timeEl('sourceImageCreationTime', w.SourceImageCreationTime)
    + timeEl('watermarkCreationTime', w.WatermarkCreationTime);
}

function scanResultsXml(s: ScanResults | undefined): string {
  if (s === undefined) return '';
  return '<scanResults>' + textEl('highestFindingSeverityLabel', s.HighestFindingSeverityLabel)
    + timeEl('findingScanDate', s.FindingScanDate)
    + timeEl('informationalFixAvailableSince', s.InformationalFixAvailableSince)
    + timeEl('lowFixAvailableSince', s.LowFixAvailableSince)
    + timeEl('mediumFixAvailableSince', s.MediumFixAvailableSince)
    + timeEl('highFixAvailableSince', s.HighFixAvailableSince)
    + timeEl('criticalFixAvailableSince', s.CriticalFixAvailableSince) + '</scanResults>';
}

function instanceTypesXml(image: Image): string {
  const spec = image.InstanceTypeSpecification;
  if (spec === undefined) return '';
  const item = (t: { InstanceType?: string }) => textEl('instanceType', t.InstanceType);
  return '<instanceTypeSpecification>' + listEl('supportedInstanceTypeSet', spec.SupportedInstanceTypes, item)
    + listEl('unsupportedInstanceTypeSet', spec.UnsupportedInstanceTypes, item) + '</instanceTypeSpecification>';
}

/** The inner XML of one image `<item>` (without the `<item>` tags). Fields absent in the image are omitted. */
export function renderImageFields(img: Image): string {
  return textEl('imageId', img.ImageId) + textEl('imageLocation', img.ImageLocation)
    + textEl('imageState', img.State) + textEl('imageOwnerId', img.OwnerId)
    + textEl('creationDate', img.CreationDate) + boolEl('isPublic', img.Public)
    + listEl('productCodes', img.ProductCodes, (p) => textEl('productCode', p.ProductCodeId) + textEl('type', p.ProductCodeType))
    + textEl('architecture', img.Architecture) + textEl('imageType', img.ImageType)
    + textEl('kernelId', img.KernelId) + textEl('ramdiskId', img.RamdiskId) + textEl('platform', img.Platform)
    + textEl('platformDetails', img.PlatformDetails) + textEl('usageOperation', img.UsageOperation)
    + textEl('imageOwnerAlias', img.ImageOwnerAlias) + textEl('name', img.Name)
    + textEl('description', img.Description) + textEl('rootDeviceType', img.RootDeviceType)
    + textEl('rootDeviceName', img.RootDeviceName)
    + listEl('blockDeviceMapping', img.BlockDeviceMappings, blockDeviceXml)
    + textEl('virtualizationType', img.VirtualizationType)
    + listEl('tagSet', img.Tags, (t) => textEl('key', t.Key) + textEl('value', t.Value))
    + textEl('hypervisor', img.Hypervisor) + boolEl('enaSupport', img.EnaSupport)
    + textEl('sriovNetSupport', img.SriovNetSupport)
    + (img.StateReason === undefined ? '' : `<stateReason>${textEl('code', img.StateReason.Code)}${textEl('message', img.StateReason.Message)}</stateReason>`)
    + textEl('bootMode', img.BootMode) + textEl('tpmSupport', img.TpmSupport)
    + textEl('deprecationTime', img.DeprecationTime) + textEl('imdsSupport', img.ImdsSupport)
    + textEl('sourceInstanceId', img.SourceInstanceId)
    + textEl('deregistrationProtection', img.DeregistrationProtection)
    + textEl('lastLaunchedTime', img.LastLaunchedTime) + boolEl('imageAllowed', img.ImageAllowed)
    + textEl('sourceImageId', img.SourceImageId) + textEl('sourceImageRegion', img.SourceImageRegion)
    + boolEl('freeTierEligible', img.FreeTierEligible)
    + textEl('publicSsmParameterName', img.PublicSsmParameterName)
    + listEl('imageWatermarkSet', img.ImageWatermarks, watermarkXml)
    + scanResultsXml(img.ScanResults) + instanceTypesXml(img);
}

/** The opening of a DescribeImagesResponse up to and including `<imagesSet>`. */
export function describeImagesHead(requestId: string): string {
  return `${XML_DECLARATION}<DescribeImagesResponse xmlns="${EC2_NAMESPACE}"><requestId>${escapeXml(requestId)}</requestId><imagesSet>`;
}

/** The closing of a DescribeImagesResponse; `nextToken` is omitted on the last page (contract §6.3). */
export function describeImagesTail(nextToken: string | undefined): string {
  return `</imagesSet>${textEl('nextToken', nextToken)}</DescribeImagesResponse>`;
}

/** A whole DescribeImagesResponse body (contract §2.1/§2.2); an empty page is `<imagesSet/>` unless `emptySet` is 'omit'. */
export function renderDescribeImagesXml(images: Image[], nextToken: string | undefined, requestId: string,
  emptySet: 'element' | 'omit' = 'element'): string {
  if (images.length === 0) {
    // Why: `<imagesSet/>` is what the SDK maps to []; without the element it gives undefined (contract §2.1, §5.1).
    const set = emptySet === 'omit' ? '' : '<imagesSet/>';
    return `${XML_DECLARATION}<DescribeImagesResponse xmlns="${EC2_NAMESPACE}"><requestId>${escapeXml(requestId)}</requestId>${set}`
      + `${textEl('nextToken', nextToken)}</DescribeImagesResponse>`;
  }
  return describeImagesHead(requestId) + images.map((img) => `<item>${renderImageFields(img)}</item>`).join('')
    + describeImagesTail(nextToken);
}
