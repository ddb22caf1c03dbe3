#pragma once

#include <QString>
#include <QWidget>

class QCheckBox;
class QLineEdit;

// A field for pasting a token value: masked unless "Show" is ticked, no input-method learning, and a take()
// that hands the value over and wipes the field (and its undo history), so the value lives in one place.
class PastedValueEdit : public QWidget
{
    Q_OBJECT
public:
    explicit PastedValueEdit(QWidget *parent = nullptr);
    ~PastedValueEdit() override;

    QLineEdit *lineEdit() const { return m_input; }
    bool isEmpty() const;
    // The trimmed value; the field is cleared. The caller wipes its copy (ProcessHardening::wipe) when done.
    QString take();
    void wipe();

signals:
    void changed();

private:
    QLineEdit *m_input;
    QCheckBox *m_show;
};
