/** Citations and terms of the three datasets (from the shared PROVENANCE.md). */
export const SOURCES_TEXT = `| dataset | citation | licence / terms |
| --- | --- | --- |
| IoT-23 | Garcia, Parmisano, Erquiaga (2020). *IoT-23: A labeled dataset with malicious and benign IoT network traffic* (v1.0.0). Zenodo. doi:10.5281/zenodo.4743746 | CC BY 4.0 as we understand the Zenodo record (not re-checked); the scenario READMEs ask for Stratosphere Lab authorisation. Research/evaluation use, cite the dataset. |
| CIC-IDS-2017 | Sharafaldin, Habibi Lashkari, Ghorbani. "Toward Generating a New Intrusion Detection Dataset and Intrusion Traffic Characterization", ICISSP 2018 | Redistribution allowed when the paper and the dataset page (https://www.unb.ca/cic/datasets/ids-2017.html) are cited (as we understand CIC's terms). |
| UNSW-NB15 | Moustafa, Slay. "UNSW-NB15: a comprehensive data set for network intrusion detection systems", MilCIS 2015, doi:10.1109/MilCIS.2015.7348942; and Moustafa, Slay (2016), doi:10.1080/19393555.2015.1125974 | Free for academic research; commercial use needs the authors' agreement; cite the papers (as we understand UNSW's terms). |
`;
